import Foundation
import Testing

extension TeamEndToEndTests {
    /// sofia mentions amina in a comment on a report that is not amina's; amina's console, open on her queue (4),
    /// counts it and lists it without a key press, since the change feed refreshes lists.
    @Test("a mention puts the report in that user's queue, on screen without a key press")
    func mentionReachesQueue() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            // The open report due soonest that is neither amina's nor mentions her: by due time it sorts near the
            // top of her queue, so it shows on screen without scrolling.
            let open = try await sandbox.list(["status:!closed"], as: "admin")
            let mentioning = Set(try await sandbox.ids(["status:!closed", "mention:amina"], as: "admin"))
            let hers = open.filter { $0["assignee"] as? String == "amina" || mentioning.contains($0["id"] as? String ?? "") }
            let candidate = open.first { $0["assignee"] as? String != "amina" && !mentioning.contains($0["id"] as? String ?? "") }
            let id = try #require(candidate?["id"] as? String, "the demo store has no open report off amina's queue")
            let owner = candidate?["assignee"] as? String ?? "-"
            // Where it will sort in her queue: after her reports that come before it in the same due order.
            let position = open.prefix { $0["id"] as? String != id }
                .filter { report in hers.contains { $0["id"] as? String == report["id"] as? String } }.count

            let (console, _) = try await tmux.teamConsole(sandbox, as: "amina", role: "officer")
            try await console.keys("4")
            let queue = try await console.waitUntil("amina's queue") {
                $0.matchingCount == hers.count && $0.line(Self.statusRow).contains("queue:mine")
            }
            #expect(queue.queueCount("Mine") == hers.count, "top line: \(queue.line(0))")
            #expect(!queue.listedIDs.contains(id))
            let visibleRows = queue.list.map { $0.rows.count - 1 } ?? 0

            // sofia comments from the CLI; no key reaches amina's console from here on.
            try await sandbox.ok(["comment", id, "@amina please call", "--store", sandbox.store], as: "sofia")
            try await console.waitUntil("\(id) counted in amina's queue, without a key press", timeout: .seconds(5)) {
                $0.queueCount("Mine") == hers.count + 1 && $0.matchingCount == hers.count + 1
            }
            if position < visibleRows {
                let shown = try await console.waitUntil("\(id) listed in amina's queue, without a key press", timeout: .seconds(5)) {
                    $0.row(of: id) != nil
                }
                let row = try #require(shown.row(of: id))
                #expect(shown.list?.value("ASSIGNEE", in: row) == owner, "row: \(row)")
            } else {
                // It sorts below the screen: find it (the count above already changed without a key).
                try await console.teamSelect(id)
            }
            #expect(try await sandbox.ids(["mention:amina", "id:\(id)"], as: "amina") == [id])
            #expect(try await sandbox.show(id, as: "amina")["assignee"] as? String != "amina")
        }
    }
}
