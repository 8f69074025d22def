import Foundation
import Testing

extension ConsoleEndToEndTests {
    /// Issue 3's newcomer: open the console on the demo store, filter to one desk and high+, open a report, assess
    /// it high, escalate it; then a supervisor finds it in the escalation queue and approves it. The store, read
    /// back through `vigil show --json`, has every step, by the right people, in order.
    @Test("newcomer: filter to a desk and high+, open, assess high, escalate; a supervisor approves it from the queue")
    func newcomerFlow() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let highPlus = try await sandbox.ids(["desk:south_asia", "risk:high+"], as: "rahul")
            // A report rahul has in triage; failing that (the demo is laid out from today), a new one he takes.
            let inTriage = try await sandbox.ids(["desk:south_asia", "status:in_triage,assessed", "assignee:rahul"],
                                                 as: "rahul")
            let new = try await sandbox.ids(["desk:south_asia", "status:new"], as: "rahul")
            let id = try #require(inTriage.first ?? new.first, "the demo store has no South Asia report to triage")
            let mustTake = inTriage.first == nil
            let reason = "Armed men at office"
            let note = "Relocate for a week"

            // rahul, a South Asia officer, in a 120x40 terminal: facets, list, detail.
            let console = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "rahul"),
                                              width: 120, height: 40)
            try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "rahul (officer)",
                                           titles: ["Facets", "Reports:", "Detail"], "the triage screen")

            // f, clear the prompt, type the filter, Enter.
            try await console.keys("f")
            try await console.waitUntil("the filter prompt") { $0.line(38).hasPrefix("filter:") }
            try await console.keys("C-u")
            try await console.type("desk:south_asia risk:high+")
            try await console.waitUntil("the typed filter in the prompt") {
                $0.line(38).hasPrefix("filter: desk:south_asia risk:high+")
            }
            try await console.keys("Enter")
            let filtered = try await console.waitUntil("the list filtered to South Asia, high and above") {
                $0.contains("Reports: \(highPlus.count) matching")
                    && $0.line(39).contains("filter: desk:south_asia risk:high+")
            }
            // The console lists what the CLI lists for the same filter, and the facet shows the desk chosen.
            let shown = filtered.listedIDs
            #expect(!shown.isEmpty)
            #expect(Set(shown).isSubset(of: Set(highPlus)), "rows not in `vigil list`: \(Set(shown).subtracting(highPlus))")
            if highPlus.count <= 30 { #expect(shown.count == highPlus.count, "\(filtered)") }
            // Every row's risk badge is high or critical (a trailing "?" marks a provisional level).
            let list = try #require(filtered.list)
            let badges = list.rows.filter { ConsoleScreen.leadingID($0) != nil }
                .map { (list.value("RISK", in: $0) ?? "").prefix(4) }
            #expect(badges.allSatisfy { $0 == "HIGH" || $0 == "CRIT" }, "risk badges \(badges):\n\(filtered)")
            #expect(filtered.box("Facets")?.rows.contains { $0.hasPrefix("* South Asia") } == true, "\(filtered)")

            // Narrow to the report in triage and open it.
            try await console.keys("f", "C-u")
            try await console.type("id:\(id)")
            try await console.keys("Enter")
            try await console.waitUntil("the list narrowed to \(id)") {
                $0.listedIDs == [id] && $0.contains("Reports: 1 matching")
            }
            try await console.keys("Enter")
            try await console.waitUntil("the detail of \(id), focused") {
                $0.box("Detail")?.isFocused == true && $0.detailID == id
            }

            if mustTake {
                try await console.keys("t")
                try await console.waitUntil("\(id) taken into triage") {
                    $0.detailID == id && $0.box("Detail")?.rows.prefix(4).contains { $0.contains("in triage") } == true
                }
            }

            // a: assess T4 V3 C2 = 6, high; C-s saves.
            try await console.keys("a")
            try await console.waitFor("Assess risk: \(id)")
            try await console.keys("4", "Tab", "3", "Tab", "2")
            let form = try await console.waitFor("T4 x V3 / C2 = 6")
            #expect(form.contains("band high"), "\(form)")
            try await console.keys("C-s")
            try await console.waitUntil("the assessment saved") {
                $0.contains("\(id) assessed") && !$0.contains("Assess risk:")
                    && $0.box("Detail")?.rows.contains { $0.contains("HIGH") && $0.contains("score 6") && $0.contains("assessed") } == true
            }

            // e: escalate with a reason; C-s saves.
            try await console.keys("e")
            try await console.waitFor("Escalate \(id)")
            try await console.type(reason)
            try await console.waitFor(reason)
            try await console.keys("C-s")
            try await console.waitUntil("the escalation saved") {
                $0.contains("\(id) escalated")
                    && $0.box("Detail")?.rows.contains { $0.contains("escalated") && $0.contains("HIGH") } == true
            }

            try await console.keys("q")
            try await console.waitForExit()

            // sofia, a supervisor, lands on the escalation queue and finds it there, escalated by rahul.
            let queue = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "sofia"),
                                            width: 120, height: 40)
            let queued = try await queue.waitUntil("\(id) in sofia's escalation queue") {
                $0.box("Escalations:") != nil && $0.listedIDs.contains(id)
            }
            #expect(queued.line(39).contains("sofia (supervisor)"))
            let row = try #require(queued.row(of: id))
            #expect(row.contains("rahul") && row.contains("Armed men"), "queue row: \(row)")

            // Find it with /, approve it with a note.
            try await queue.keys("/")
            try await queue.type(id)
            try await queue.keys("Enter")
            try await queue.waitUntil("\(id) selected in the queue") { $0.detailID == id }
            try await queue.keys("A")
            try await queue.waitFor("Approve a response: \(id)")
            try await queue.type(note)
            try await queue.waitFor(note)
            try await queue.keys("C-s")
            try await queue.waitUntil("\(id) approved and gone from the queue") {
                $0.contains("\(id) approved") && $0.box("Escalations:") != nil && !$0.listedIDs.contains(id)
            }
            try await queue.keys("q")
            try await queue.waitForExit()

            // The store has it all.
            let report = try await sandbox.show(id, as: "rahul")
            #expect(report["status"] as? String == "responding")
            #expect(report["risk_level"] as? String == "high")
            #expect((report["risk_threat"] as? NSNumber)?.intValue == 4)
            #expect((report["risk_vulnerability"] as? NSNumber)?.intValue == 3)
            #expect((report["risk_capacity"] as? NSNumber)?.intValue == 2)
            #expect((report["risk_score"] as? NSNumber)?.doubleValue == 6)
            #expect(report["escalated_by"] as? String == "rahul")
            #expect(report["escalation_reason"] as? String == reason)
            #expect(report["decision"] as? String == "approve")
            let history = try #require(report["history"] as? [[String: Any]])
            func event(_ kind: String) -> [String: Any]? { history.last { $0["kind"] as? String == kind } }
            let assessed = try #require(event("report.assessed"), "no assessment in \(history)")
            let escalated = try #require(event("report.escalated"), "no escalation in \(history)")
            let decided = try #require(event("report.decided"), "no decision in \(history)")
            #expect(assessed["actor"] as? String == "rahul")
            #expect((assessed["summary"] as? String)?.contains("T4 V3 C2 = 6") == true, "\(assessed)")
            #expect(escalated["actor"] as? String == "rahul")
            #expect((escalated["summary"] as? String)?.contains(reason) == true, "\(escalated)")
            #expect(decided["actor"] as? String == "sofia")
            #expect((decided["summary"] as? String)?.contains(note) == true, "\(decided)")
            let order = [assessed, escalated, decided].compactMap { ($0["seq"] as? NSNumber)?.intValue }
            #expect(order.count == 3 && order == order.sorted(), "events out of order: \(order)")
        }
    }
}
