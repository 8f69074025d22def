import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore

/// The standing queues (one key each, counts on the tab line), widening an officer's desks, and duplicates.
@Suite("Queues, desk scope and duplicates")
struct QueueTests {
    @Test("4 shows my queue: what is assigned to me, open, by due time; its count is on the tab line")
    func myQueue() throws {
        var state = Fixture.state(user: "rahul")
        Fixture.press(&state, .character("4"))
        #expect(state.activeQueue == .mine)
        #expect(!state.triage.rows.isEmpty)
        #expect(state.triage.rows.allSatisfy { $0.report.assignee == "rahul" && $0.report.status != .closed })
        let dues = state.triage.rows.filter { !$0.overdue }.compactMap { $0.next?.due }
        #expect(dues == dues.sorted())
        let tabs = ConsoleView.render(state).lines()[0]
        #expect(tabs.contains("4 Mine (\(state.triage.rows.count))"))
    }

    @Test("5 shows new reports on my desks, oldest first; 6 and 7 the overdue and reassessment queues")
    func otherQueues() throws {
        var state = Fixture.state(user: "rahul")
        let desks = Set(state.user?.desks ?? [])
        Fixture.press(&state, .character("5"))
        #expect(state.activeQueue == .new)
        #expect(state.triage.rows.allSatisfy { $0.report.status == .new && desks.contains($0.report.desk) })
        let received = state.triage.rows.map(\.report.fields.receivedAt)
        #expect(received == received.sorted())
        Fixture.press(&state, .character("6"))
        #expect(state.triage.rows.allSatisfy { $0.overdue })
        #expect(state.queueCounts[.overdue] == state.triage.rows.count)
        Fixture.press(&state, .character("7"))
        #expect(state.triage.rows.allSatisfy { $0.overdue && [.responding, .monitoring].contains($0.report.status) })
        Fixture.press(&state, .character("8"))
        #expect(state.triage.rows.allSatisfy { $0.report.status == .closed })
    }

    @Test("a mention puts a report in that user's queue")
    func mentionJoinsMyQueue() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "amina")
        let id = Fixture.id("Padma")
        #expect(fixture.store.state.report(id)?.assignee != "kwame")
        _ = driver.keys("4")
        #expect(!driver.state.triage.rows.contains { $0.report.id == id })
        try fixture.store.perform(.comment(id: id, text: "@amina can you call the family?"), as: "rahul", now: fixedNow)
        _ = driver.send(.storeChanged(fixture.store.state))
        #expect(driver.state.triage.rows.contains { $0.report.id == id })
    }

    @Test("an officer opens on their desks; w widens to every desk and back")
    func widen() throws {
        var state = Fixture.state(user: "rahul")
        let desks = Set(state.user?.desks ?? [])
        #expect(state.triage.rows.allSatisfy { desks.contains($0.report.desk) })
        let narrow = state.triage.rows.count
        Fixture.press(&state, .character("w"))
        #expect(state.triage.rows.count > narrow)
        #expect(!state.filter.text.contains("desk:"))
        Fixture.press(&state, .character("w"))
        #expect(state.triage.rows.count == narrow)
    }

    @Test("a store can keep officers to their desks: w is refused, saying who can change that")
    func wideningRestricted() throws {
        let fixture = try FixtureStore()
        try fixture.store.perform(.changeSettings(EventBody.Settings(restrictWidening: true)), as: "admin", now: fixedNow)
        let driver = ConsoleDriver(fixture, user: "rahul")
        let before = driver.state.triage.rows.count
        _ = driver.keys("w")
        #expect(driver.state.triage.rows.count == before)
        #expect(driver.state.message?.text.contains("keeps officers to their desks") == true)
    }

    @Test("D confirms or dismisses a suggested duplicate, and the decision is in the history")
    func duplicates() throws {
        let fixture = try FixtureStore()
        let first = Fixture.id("Padma")
        let original = try #require(fixture.store.state.report(first))
        try fixture.store.perform(.create([.title: "Second call about the same organiser", .country: original.fields.country,
                                           .acts: "threat", .defenderPseudonym: "PADMA",
                                           .incidentDate: original.fields.incidentDate]), as: "rahul", now: fixedNow)
        let second = try #require(fixture.store.state.reports.last?.id)
        let driver = ConsoleDriver(fixture, user: "rahul")
        driver.select(second)
        #expect(driver.state.duplicates?.candidates.map(\.id) == [first])
        #expect(ConsoleView.render(driver.state).lines().joined().contains("Possible duplicates"))
        _ = driver.keys("D")
        #expect(driver.state.form?.kind == .duplicates(second))
        _ = driver.keys("Tab")
        _ = driver.type("different")
        _ = driver.keys("Enter C-s")
        #expect(driver.state.form == nil, "\(driver.state.form?.formError ?? "")")
        #expect(try fixture.store.history(of: second).last?.body == .duplicateDismissed(target: first))
        #expect(driver.state.duplicates?.candidates.isEmpty == true)
    }
}
