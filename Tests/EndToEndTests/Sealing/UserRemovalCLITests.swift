import Foundation
import Testing

@Suite("CLI: vigil user remove")
struct UserRemovalCLITests {
    @Test("removing ana through vigil: her passphrase opens nothing, sam reads on, verify counts two key epochs and every signature")
    func removeOfficer() throws {
        let sealed = try SealedCLI()
        try sealed.makeDesk()
        let added = try sealed.ok(["add", "--title", "Threat to the Dhading office", "--country", "NP", "--acts", "threat"], as: "ana")
        let id = try #require(added.split(separator: " ").first(where: { $0.hasPrefix("R-") }).map(String.init), "\(added)")

        // Only an admin removes, and never themselves.
        let bySam = try sealed.run(["user", "remove", "ana"], as: "sam")
        #expect(bySam.status == 1 && bySam.stderr.contains("only an admin may remove users"), "\(bySam)")
        let self_ = try sealed.run(["user", "remove", "admin"], as: "admin")
        #expect(self_.status == 1 && self_.stderr.contains("an admin cannot remove themselves"), "\(self_)")

        #expect(try sealed.ok(["user", "remove", "ana"], as: "admin")
                == "removed ana; new events are sealed under a key ana does not hold\n")
        let refused = try sealed.run(["list"], as: "ana")
        #expect(refused.status == 1 && refused.stderr.contains("wrong passphrase, or not a user of this store"), "\(refused)")
        try sealed.ok(["comment", id, "called back after the removal"], as: "sam")
        let shown = try #require(try sealed.json(["show", id, "--json"], as: "sam") as? [String: Any])
        #expect("\(shown)".contains("called back after the removal"))

        let verified = try #require(try sealed.json(["verify", "--json"], as: "admin") as? [String: Any])
        #expect(verified["epochs"] as? Int == 2)
        #expect(verified["signatures"] as? Int == verified["events"] as? Int)
        let text = try sealed.ok(["verify"], as: "sam")
        #expect(text.hasPrefix("ok: ") && text.contains("signatures") && text.contains("2 key epochs") && text.contains("founder key"), "\(text)")
        let roster = try sealed.ok(["user", "list"], as: "admin")
        #expect(!roster.contains("ana"), "\(roster)")
    }
}
