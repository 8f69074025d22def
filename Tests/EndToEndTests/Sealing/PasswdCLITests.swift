import Foundation
import Testing

@Suite("CLI: vigil passwd")
struct PasswdCLITests {
    @Test("passwd re-wraps the key: the new passphrase opens, the old one gets the generic refusal, the log is untouched")
    func changePassphrase() throws {
        let sealed = try SealedCLI()
        try sealed.ok(["init", "--admin", "admin"], as: "admin")
        let before = try #require(try sealed.json(["verify", "--json"], as: "admin") as? [String: Any])
        let newFile = sealed.cli.folder + "/new-admin"
        _ = FileManager.default.createFile(atPath: newFile, contents: Data("a brand new admin passphrase\n".utf8),
                                           attributes: [.posixPermissions: 0o600])
        let changed = try sealed.cli.run(["passwd"], user: "admin",
                                         extra: sealed.extra("admin").merging(["VIGIL_NEW_PASSPHRASE_FILE": newFile]) { $1 })
        #expect(changed.status == 0, "\(changed)")
        #expect(changed.stdout.contains("changed the passphrase of admin"))
        let old = try sealed.run(["verify", "--json"], as: "admin")
        #expect(old.status == 1 && old.stderr.contains("wrong passphrase, or not a user of this store"), "\(old)")
        let fresh = try sealed.cli.run(["verify", "--json"], user: "admin",
                                       extra: ["VIGIL_STORE": sealed.store, "VIGIL_PASSPHRASE_FILE": newFile])
        #expect(fresh.status == 0, "\(fresh)")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(fresh.stdout.utf8)) as? [String: Any])
        #expect(after["head_hash"] as? String == before["head_hash"] as? String, "the log was not rewritten")
    }
}
