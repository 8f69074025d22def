import Foundation
import Testing
import VigilCore

/// Saved views: personal for anyone who works the desk, store-wide for supervisors and admins; kept in the log.
@Suite struct SavedViewTests {
    @Test func personalViewsBelongToTheirSaver() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.saveView(SavedView(name: "south", filter: "desk:south_asia risk:high+", sort: "received:desc", owner: "someone")), as: "omar")
        #expect(desk.state.views == [SavedView(name: "south", filter: "desk:south_asia risk:high+", sort: "received:desc", owner: "omar")])
        // Saving again under the same name replaces it.
        try desk.run(.saveView(SavedView(name: "south", filter: "desk:south_asia", sort: "due:asc", owner: "omar")), as: "omar")
        #expect(desk.state.views.map(\.filter) == ["desk:south_asia"])
        try desk.run(.deleteView(name: "south", shared: false), as: "omar")
        #expect(desk.state.views.isEmpty)
    }

    @Test func storeWideViewsNeedASupervisorOrAdmin() throws {
        var desk = try TestDesk.staffed()
        let shared = SavedView(name: "escalated", filter: "status:escalated", sort: "due:asc", owner: nil)
        #expect(desk.message(.saveView(shared), as: "olga")?.contains("only a supervisor or an admin may save a store-wide view") == true)
        #expect(desk.message(.saveView(shared), as: "aud")?.contains("auditor") == true)
        try desk.run(.saveView(shared), as: "sara")
        #expect(desk.state.views.first?.owner == nil)
        #expect(desk.message(.deleteView(name: "escalated", shared: true), as: "olga")?.contains("only a supervisor or an admin") == true)
    }

    @Test func aViewMustParse() throws {
        let desk = try TestDesk.staffed()
        let bad = SavedView(name: "bad", filter: "risk:hihg", sort: "due", owner: "olga")
        guard case .invalid(let failure)? = desk.refusal(.saveView(bad), as: "olga") else {
            Issue.record("a view with a broken filter is refused")
            return
        }
        #expect(failure.errors.first?.field == "filter")
        #expect(desk.message(.saveView(SavedView(name: " ", filter: "", sort: "due", owner: "olga")), as: "olga")?.contains("name") == true)
    }

    @Test func viewsSurviveASnapshot() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.saveView(SavedView(name: "mine", filter: "assignee:me", sort: "due:asc", owner: "olga")), as: "olga")
        let restored = DeskState(snapshot: try SnapshotFormat.decode(SnapshotFormat.encode(desk.state.snapshot())))
        #expect(restored.views == desk.state.views)
    }
}
