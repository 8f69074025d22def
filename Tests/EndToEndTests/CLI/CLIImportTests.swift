import Foundation
import Testing

@Suite("CLI: import")
struct CLIImportTests {
    /// A CSV of `rows` valid reports with external ids `K-00000`...
    private func writeCSV(_ path: String, rows: Int, prefix: String = "K") throws {
        var text = "external_id,title,country,acts,narrative\r\n"
        text.reserveCapacity(rows * 200)
        for row in 0..<rows {
            let id = String(row).count >= 5 ? String(row) : String(repeating: "0", count: 5 - String(row).count) + String(row)
            text += "\(prefix)-\(id),\"Report \(row), imported\",NP,threat;surveillance,\"A narrative long enough to fill pages: \(row) \(String(repeating: "x", count: 120))\"\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test("an import killed with SIGKILL part-way leaves a store that opens, verifies and holds all or none of it")
    func killedImport() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        _ = try cli.add("Before the import")
        let rows = 20_000
        let csv = cli.folder + "/partner.csv"
        try writeCSV(csv, rows: rows)
        let wal = cli.store + "-wal"
        #expect(!FileManager.default.fileExists(atPath: wal))

        let running = try cli.start(["import", csv], user: "ana")
        // The import validates first, then writes in one transaction: wait for its first pages in the WAL.
        let writing = poll(timeout: 60) { cli.size(wal) > 0 || !running.process.isRunning }
        #expect(writing, "the import never started writing")
        let killed = running.process.isRunning
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        if killed {
            #expect(running.process.terminationReason == .uncaughtSignal)
        }

        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["ok"] as? Bool == true)
        let events = try #require(verify["events"] as? Int)
        let reports = try #require(verify["reports"] as? Int)
        #expect((events == 4 && reports == 1) || (events == 4 + rows && reports == 1 + rows), "events \(events), reports \(reports)")
        let imported = try #require(try cli.json(["stats", "--json", "external_id:K-00000,K-19999"], user: "ana") as? [String: Any])
        #expect(imported["total"] as? Int == (reports == 1 ? 0 : 2))
        // The store takes writes again after the crash.
        _ = try cli.add("After the crash")
        let after = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(after["events"] as? Int == events + 1)
    }

    @Test("importing the same file twice imports nothing the second time")
    func reimport() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let csv = cli.folder + "/partner.csv"
        try writeCSV(csv, rows: 5, prefix: "P")
        #expect(try cli.ok(["import", csv], user: "ana") == "imported 5 report(s) from partner.csv; 0 already imported; 0 invalid row(s) skipped\n")
        #expect(try cli.ok(["import", csv], user: "ana") == "imported 0 report(s) from partner.csv; 5 already imported; 0 invalid row(s) skipped\n")
        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["events"] as? Int == 8)
        #expect(verify["reports"] as? Int == 5)
        let list = try #require(try cli.json(["list", "--json", "--sort", "id"], user: "ana") as? [[String: Any]])
        #expect(list.compactMap { $0["external_id"] as? String } == ["P-00000", "P-00001", "P-00002", "P-00003", "P-00004"])
        #expect(list.first?["title"] as? String == "Report 0, imported")
        #expect(list.first?["acts"] as? [String] == ["threat", "surveillance"])
    }

    @Test("an import with a bad row imports nothing and lists the row, exit 1")
    func allOrNothing() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let csv = cli.folder + "/partner.csv"
        try Data("title,country,acts\nGood,NP,threat\nBad,XX,threat\n".utf8).write(to: URL(fileURLWithPath: csv))
        let result = try cli.run(["import", csv], user: "ana")
        #expect(result.status == 1)
        #expect(result.stderr.contains("partner.csv:3: country"))
        #expect(result.stderr.contains("nothing imported"))
        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["reports"] as? Int == 0)
    }
}
