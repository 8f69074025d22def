import Foundation
import Testing

/// The exit-code contract: 0 ok, 1 a user error (refused, invalid, usage), 2 a store error.
@Suite("CLI: exit codes")
struct CLIExitCodeTests {
    @Test("a refused move exits 1 and names the rule on standard error")
    func refusedMove() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let id = try cli.add("Death threat")
        try cli.ok(["take", id], user: "ana")

        let early = try cli.run(["decide", id, "approve", "--note", "ok"], user: "sam")
        #expect(early.status == 1)
        #expect(early.stderr == "vigil: cannot approve \(id): it is in triage, and approve needs a report that is escalated\n")
        #expect(early.stdout.isEmpty)

        try cli.ok(["assess", id, "--threat", "5", "--vulnerability", "4", "--capacity", "2"], user: "ana")
        let close = try cli.run(["close", id, "--reason", "resolved"], user: "ana")
        #expect(close.status == 1)
        #expect(close.stderr.contains("only a supervisor may close a critical-risk report (you are an officer)"))

        let stranger = try cli.run(["comment", id, "hello"], user: "mallory")
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("user 'mallory' is not on this store's roster"))

        let invalid = try cli.run(["add", "--title", "T", "--country", "XX", "--acts", "threat"], user: "ana")
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("country"))

        let unknown = try cli.run(["show", "R-2026-09999"], user: "ana")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "vigil: no report R-2026-09999\n")

        // Nothing refused was appended.
        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["events"] as? Int == 6)
    }

    @Test("usage errors exit 1", arguments: [
        ["take"], ["frobnicate"], ["list", "--limit", "many"], ["list", "--sort", "nonsense"],
        ["decide", "R-2026-00001", "maybe", "--note", "x"], ["user", "add", "lee", "--role", "king"], ["show", "not-an-id"],
        ["add", "--title", "T", "--country", "NP"],
        // Numbers out of range are usage errors too, not a crash.
        ["list", "--limit=-5"], ["demo", "--no-console", "--reports=-3", "--store", "demo.vigil"], ["bench", "--reports=-1"],
    ])
    func usageErrors(arguments: [String]) throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(arguments): \(result)")
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter { $0.hasPrefix("demo") } == [])
    }

    @Test("help exits 0")
    func help() throws {
        let cli = try CLISandbox()
        let result = try cli.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    @Test("a missing store exits 2, naming it")
    func missingStore() throws {
        let cli = try CLISandbox()
        let path = cli.folder + "/nowhere.vigil"
        for arguments in [["list", "--store", path], ["verify", "--store", path], ["take", "R-2026-00001", "--store", path]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr == "vigil: \(path): no store here (create one with `vigil init` or `vigil demo`)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a file that is not a store exits 2")
    func notAStore() throws {
        let cli = try CLISandbox()
        try Data("id,title\n1,hello\n".utf8).write(to: URL(fileURLWithPath: cli.store))
        let result = try cli.run(["list"])
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: \(cli.store): not a Vigil store (not an SQLite database)\n")
        let again = try cli.run(["init"])
        #expect(again.status == 2)
        #expect(again.stderr == "vigil: \(cli.store): a file already exists here; refusing to overwrite it\n")
    }

    @Test("a store damaged on disk exits 2 and names the event")
    func damagedStore() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let marker = "Zebra-crossing-marker"
        _ = try cli.add("Before the damage")
        let id = try cli.add(marker)
        try cli.ok(["comment", id, "after"], user: "ana")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "-wal"))

        // Flip one byte of the title inside the file: the event recording it (seq 5) no longer matches its hash.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.store))
        let range = try #require(bytes.range(of: Data(marker.utf8)))
        #expect(bytes[range.upperBound...].range(of: Data(marker.utf8)) == nil)
        bytes[range.lowerBound] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: cli.store))

        let verify = try cli.run(["verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "vigil: \(cli.store): damaged at event 5: its contents do not match its hash\n")
        #expect(verify.stdout.isEmpty)
        let list = try cli.run(["list"], user: "ana")
        #expect(list.status == 2)
        #expect(list.stderr.hasPrefix("vigil: \(cli.store): damaged at event 5"))
        let comment = try cli.run(["comment", id, "more"], user: "ana")
        #expect(comment.status == 2)
        // Nothing was repaired: the flipped byte is still there.
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.store)) == bytes)
    }
}
