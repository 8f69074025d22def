import Foundation
import Testing

extension TeamEndToEndTests {
    /// noor (all desks) opens New on my desks (5), marks the first two reports (Space Space), presses t: the
    /// confirmation names the count, y takes both, one event each, both assigned to noor.
    @Test("bulk take: mark two new reports, t asks 'Take 2 marked reports', y takes both for noor")
    func bulkTakeTwo() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let new = try await sandbox.ids(["status:new"], as: "noor")
            #expect(new.count >= 2, "the demo store has fewer than two new reports: \(new)")

            let (console, _) = try await tmux.teamConsole(sandbox, as: "noor", role: "officer")
            try await console.keys("5")
            let queue = try await console.waitUntil("New on my desks") {
                $0.matchingCount == new.count && $0.line(Self.statusRow).contains("filter: status:new")
            }
            #expect(queue.queueCount("New") == new.count, "top line: \(queue.line(0))")
            let mineBefore = try #require(queue.queueCount("Mine"), "top line: \(queue.line(0))")

            try await console.keys("Space", "Space")
            let marked = try await console.waitUntil("two reports marked") {
                ($0.list?.rows.filter { $0.hasPrefix("*") }.count ?? 0) == 2
            }
            let ids = (marked.list?.rows ?? []).filter { $0.hasPrefix("*") }.compactMap(ConsoleScreen.leadingID)
            try #require(ids.count == 2, "marked: \(ids)")
            #expect(Set(ids).isSubset(of: Set(new)), "marked: \(ids)")
            #expect(Array(marked.listedIDs.prefix(2)) == ids, "Space Space should mark the first two rows:\n\(marked)")

            try await console.keys("t")
            let asked = try await console.waitUntil("the bulk take confirmation") { $0.box("Confirm") != nil }
            let question = asked.box("Confirm")?.rows.joined(separator: " ") ?? ""
            #expect(question.contains("Take 2 marked reports"), "confirm overlay: \(question)\n\(asked)")
            // Nothing is taken before the answer.
            for id in ids { #expect(try await sandbox.show(id, as: "noor")["status"] as? String == "new") }

            try await console.keys("y")
            let done = try await console.waitUntil("both taken") {
                $0.box("Confirm") == nil && $0.queueCount("New") == new.count - 2 && $0.queueCount("Mine") == mineBefore + 2
            }
            #expect(!done.listedIDs.contains(ids[0]) && !done.listedIDs.contains(ids[1]), "still listed as new:\n\(done)")

            for id in ids {
                let report = try await sandbox.show(id, as: "noor")
                #expect(report["assignee"] as? String == "noor", "\(id): \(report["assignee"] ?? "nil")")
                #expect(report["status"] as? String == "in_triage", "\(id): \(report["status"] ?? "nil")")
                let taken = (report["history"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "report.taken" }
                #expect(taken.count == 1 && taken.first?["actor"] as? String == "noor", "\(id): \(taken)")
            }
        }
    }
}
