import Foundation
import Testing

extension TeamEndToEndTests {
    /// Both supervisors open the approve form on one escalation and type a note; sofia saves first, then kwame.
    /// Exactly one decision stands (sofia's), and kwame's console says who decided first; saving again (the
    /// conflict's "re-apply") is still refused.
    @Test("two supervisors decide one escalation: exactly one decision stands, the other is told who decided first")
    func twoSupervisorsDecideOnce() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let escalated = try await sandbox.ids(["status:escalated"], as: "sofia")
            let id = try #require(escalated.first, "the demo store has no escalated report")
            #expect(try await sandbox.events("report.decided", of: id).isEmpty, "\(id) was decided before the test")
            let sofiaNote = "Approve relocation, sofia"
            let kwameNote = "Approve a grant, kwame"

            let (sofia, _) = try await tmux.teamConsole(sandbox, as: "sofia", role: "supervisor", boxes: 2)
            let (kwame, _) = try await tmux.teamConsole(sandbox, as: "kwame", role: "supervisor", boxes: 2)
            for (pane, note) in [(sofia, sofiaNote), (kwame, kwameNote)] {
                try await pane.teamSelect(id)
                try await pane.keys("A")
                try await pane.waitFor("Approve a response: \(id)")
                try await pane.type(note)
                try await pane.waitFor(note)
            }

            // sofia saves first.
            try await sofia.keys("C-s")
            try await sofia.waitUntil("sofia's approval saved") {
                $0.contains("\(id) approved") && !$0.contains("Approve a response:")
            }

            // kwame saves the form he opened before her decision: refused, naming her.
            try await kwame.keys("C-s")
            let told = try await kwame.waitUntil("kwame told that sofia decided first") {
                $0.contains("already decided by sofia")
            }
            #expect(told.contains("\(id) was already decided by sofia"), "\(told)")
            // The form stays open with his note, so nothing he typed is lost without his say.
            #expect(told.contains("Approve a response: \(id)") && told.contains(kwameNote), "\(told)")

            // Saving again (re-apply) is refused the same way; Esc (and y to discard his note) drops the form.
            // (A refusal changes nothing to wait for, so the screen is read after a moment.)
            try await kwame.keys("C-s")
            try await Task.sleep(for: .milliseconds(600))
            let again = try await kwame.capture()
            #expect(again.contains("already decided by sofia") && again.contains("Approve a response: \(id)"), "\(again)")
            try await kwame.keys("Escape")
            try await kwame.waitUntil("the question whether to discard kwame's note") { $0.box("Confirm") != nil }
            try await kwame.keys("y")
            try await kwame.waitUntil("kwame's form dropped") { !$0.contains("Approve a response:") && $0.box("Confirm") == nil }

            // Exactly one decision: sofia's, with her note; kwame's note is nowhere in the history.
            let report = try await sandbox.show(id, as: "kwame")
            let history = try #require(report["history"] as? [[String: Any]])
            let decided = history.filter { $0["kind"] as? String == "report.decided" }
            #expect(decided.count == 1, "report.decided events: \(decided)")
            #expect(decided.first?["actor"] as? String == "sofia", "\(decided)")
            #expect((decided.first?["summary"] as? String)?.contains(sofiaNote) == true, "\(decided)")
            #expect(!history.contains { ($0["summary"] as? String)?.contains(kwameNote) == true }, "\(history)")
            #expect(report["status"] as? String == "responding")
            #expect(report["decision"] as? String == "approve")
        }
    }
}
