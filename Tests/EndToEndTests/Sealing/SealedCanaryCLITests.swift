import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The canary test of issue 5 through the built binary: a sealed store filled by `vigil` with unique strings in
/// every sensitive field and text, a snapshot, a second user, and a process killed mid-write; then every file
/// under the store's folder is searched for each canary as raw bytes.
@Suite("Sealing: canaries through the CLI")
struct SealedCanaryCLITests {
    /// Run-unique, and in every canary, so a search for it alone catches any canary's bytes.
    private let marker = "QQCANARY\(UUID().uuidString.prefix(6))QQ"

    /// A CSV of `rows` reports (external ids `prefix-00000`...); the first `canaryRows` carry a canary in the
    /// title, narrative, real name, contact and place, returned with the text.
    private func csv(rows: Int, canaryRows: Int, prefix: String) -> (text: String, canaries: [String]) {
        var text = "external_id,title,country,acts,narrative,defender_real_name,defender_contact,place_description\r\n"
        var canaries: [String] = []
        for row in 0..<rows {
            let id = "\(prefix)-" + String(String(row).reversed()).padding(toLength: 5, withPad: "0", startingAt: 0).reversed()
            guard row < canaryRows else {
                text += "\(id),Filler report \(row) \(marker),NP,threat,Nothing of note \(row),,,\r\n"
                continue
            }
            let fields = ["title", "narrative", "realname", "contact", "place"].map { "\(marker)-\(prefix)-\($0)-\(row)" }
            canaries += fields
            text += "\(id),\"Threat to \(fields[0])\",NP,death_threat;surveillance,\"Followed from \(fields[1]), twice\",\(fields[2]),\(fields[3]),\"\(fields[4])\"\r\n"
        }
        return (text, canaries)
    }

    @Test("a sealed store filled through vigil: 0 canaries in the file, WAL and shared memory; users read with their own passphrases")
    func canaries() throws {
        let sealed = try SealedCLI()
        try sealed.makeDesk()

        // 5000 imported reports: past the snapshot interval, so the import writes a (sealed) snapshot.
        let partner = csv(rows: 5_000, canaryRows: 50, prefix: "C")
        let partnerFile = sealed.cli.folder + "/partner.csv"
        try Data(partner.text.utf8).write(to: URL(fileURLWithPath: partnerFile))
        #expect(try sealed.ok(["import", partnerFile], as: "ana")
                == "imported 5000 report(s) from partner.csv; 0 already imported; 0 invalid row(s) skipped\n")
        var canaries = partner.canaries

        func canary(_ what: String) -> String {
            canaries.append("\(marker)-cli-\(what)")
            return "\(marker)-cli-\(what)"
        }
        let id = try sealed.ok(["add", "--title", "Raid on \(canary("title"))", "--country", "NP", "--acts", "raid",
                                "--narrative", "They came to \(canary("narrative")) at night",
                                "--set", "defender_real_name=\(canary("realname"))", "--set", "defender_contact=\(canary("contact"))",
                                "--set", "place_description=\(canary("place"))"], as: "ana")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sealed.ok(["take", id], as: "ana")
        try sealed.ok(["assess", id, "--threat", "4", "--vulnerability", "4", "--capacity", "2", "--level", "critical",
                       "--justification", canary("justification")], as: "ana")
        try sealed.ok(["comment", id, "Spoke to \(canary("comment"))"], as: "ana")

        // The second and third users read with their own passphrases.
        let report = try #require(try sealed.json(["show", id, "--json"], as: "sam") as? [String: Any])
        #expect(report["defender_real_name"] as? String == "\(marker)-cli-realname")
        #expect((report["comments"] as? [[String: Any]])?.first?["text"] as? String == "Spoke to \(marker)-cli-comment")
        let imported = try #require(try sealed.json(["list", "--json", "external_id:C-00049"], as: "ana") as? [[String: Any]])
        #expect(imported.first?["title"] as? String == "Threat to \(marker)-C-title-49")

        // One message for a wrong passphrase and for a user with no key, nothing else said.
        for (user, owner) in [("ana", "sam"), ("mallory", "admin")] {
            let refused = try sealed.run(["list"], as: user, passphraseOf: owner)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.rawStderr == "vigil: \(sealed.store): wrong passphrase, or not a user of this store\n")
            #expect(refused.stdout.isEmpty)
        }

        let verify = try #require(try sealed.json(["verify", "--json"], as: "admin") as? [String: Any])
        #expect(verify["events"] as? Int == 3 + 5_000 + 4)
        #expect((verify["snapshots"] as? Int ?? 0) >= 1, "no snapshot was written: \(verify)")

        // A second import killed with SIGKILL mid-write (once its transaction has spilled a megabyte of pages)
        // leaves those uncommitted pages in the WAL: they must be sealed bytes too.
        let second = csv(rows: 20_000, canaryRows: 20, prefix: "K")
        canaries += second.canaries
        let secondFile = sealed.cli.folder + "/second.csv"
        try Data(second.text.utf8).write(to: URL(fileURLWithPath: secondFile))
        let running = try sealed.cli.start(["import", secondFile], user: "ana", extra: sealed.extra("ana"))
        _ = poll(timeout: 60) { sealed.cli.size(sealed.store + "-wal") > 1_000_000 || !running.process.isRunning }
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()

        let files = CanarySearch.files(under: sealed.vault)
        #expect(files.contains("desk.vigil"))
        #expect(files.allSatisfy { $0.hasPrefix("desk.vigil") }, "unexpected files in the store's folder: \(files)")
        #expect(try CanarySearch.hits(canaries + [marker], under: sealed.vault) == [])
        // The search does find them where they are in clear: the files they were imported from.
        #expect(try CanarySearch.hits(second.canaries, under: sealed.cli.folder).filter { $0.hasPrefix("second.csv: ") }.count
                == second.canaries.count)
        for file in files {
            let mode = (try FileManager.default.attributesOfItem(atPath: sealed.vault + "/" + file)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file) is \(String(mode ?? 0, radix: 8))")
        }

        // The store still opens and verifies after the crash, and nothing readable was left by that either.
        let after = try #require(try sealed.json(["verify", "--json"], as: "admin") as? [String: Any])
        #expect(after["ok"] as? Bool == true)
        #expect(try CanarySearch.hits(canaries + [marker], under: sealed.vault) == [])
    }
}
