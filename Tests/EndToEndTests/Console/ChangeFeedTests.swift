import Foundation
import Testing

extension ConsoleEndToEndTests {
    /// Another process takes a report while amina's console shows it: the row and the detail change without a
    /// key press, and the selection stays on the same report although the list re-sorts.
    @Test("another process's change shows without a key press, the selection kept")
    func changeFromElsewhere() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let fresh = try await sandbox.ids(["status:new", "desk:east_africa,mena,southern_africa,west_central_africa"],
                                              as: "amina")
            let id = try #require(fresh.first, "the demo store has no new report on amina's desks")

            // 120 columns: facets beside the list (every column, ASSIGNEE too) over the detail.
            let console = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "amina"),
                                              width: 120, height: 40)
            try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                           titles: ["Facets", "Reports:", "Detail"], "the triage screen") {
                $0.list?.rows.first?.contains("ASSIGNEE") == true
            }
            try await console.keys("/")
            try await console.type(id)
            try await console.keys("Enter")
            let before = try await console.waitUntil("\(id) selected") {
                $0.detailID == id && $0.row(of: id) != nil
            }
            let rowBefore = try #require(before.row(of: id))
            #expect(before.list?.value("STATUS", in: rowBefore) == "new", "row before: \(rowBefore)")
            #expect(before.list?.value("ASSIGNEE", in: rowBefore) == "-", "row before: \(rowBefore)")

            // noor takes it from another process; no key is sent from here on.
            let take = try await sandbox.run(["take", id, "--store", sandbox.store], as: "noor")
            #expect(take.status == 0, "\(take)")
            let after = try await console.waitUntil("\(id)'s row to show noor in triage, without a key press") {
                guard let row = $0.row(of: id) else { return false }
                return $0.list?.value("ASSIGNEE", in: row) == "noor"
            }
            let rowAfter = try #require(after.row(of: id))
            #expect(after.list?.value("STATUS", in: rowAfter) == "in_triage", "row after: \(rowAfter)")
            #expect(after.detailID == id, "the selection moved off \(id):\n\(after)")
            #expect(after.box("Detail")?.rows.prefix(6).contains { $0.contains("in triage") } == true,
                    "the detail is stale:\n\(after)")
        }
    }
}
