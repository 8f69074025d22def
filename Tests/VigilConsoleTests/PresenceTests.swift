import Foundation
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// Presence: a report someone else has open shows their name; it is outside the log and gone once stale.
@Suite("Presence")
struct PresenceTests {
    @Test("another console's open report shows 'noor is viewing', and not in the history")
    func viewing() throws {
        let fixture = try FixtureStore()
        let id = Fixture.id("Padma")
        let noor = ConsoleDriver(fixture, user: "noor")
        noor.select(id)
        let events = try fixture.eventCount()
        let effects = noor.send(.tick(fixedNow.addingTimeInterval(5)))
        let announce = try #require(effects.first { if case .announcePresence = $0 { true } else { false } })
        _ = EffectRunner(store: fixture.store, user: "noor").run(announce, now: fixedNow)
        #expect(try fixture.eventCount() == events, "presence is not an event")

        let rahul = ConsoleDriver(fixture, user: "rahul")
        rahul.select(id)
        let runner = EffectRunner(store: try fixture.openAnother(), user: "rahul")
        for action in runner.run(.announcePresence(reportID: id), now: fixedNow.addingTimeInterval(1)) { _ = rahul.send(action) }
        #expect(rahul.state.viewers[id] == ["noor"])
        #expect(ConsoleView.render(rahul.state).lines().joined(separator: "\n").contains("noor is viewing"))
        #expect(ConsoleView.render(rahul.state).lines().contains { $0.contains("@" + id) })

        // Ten seconds later, with no new announcement from noor, the name is gone.
        for action in runner.run(.announcePresence(reportID: id), now: fixedNow.addingTimeInterval(12)) { _ = rahul.send(action) }
        #expect(rahul.state.viewers[id] == nil)
    }

    @Test("leaving clears presence at once")
    func leaving() throws {
        let fixture = try FixtureStore()
        let id = Fixture.id("Padma")
        try fixture.store.announce(user: "amina", viewing: id, now: fixedNow)
        #expect(try fixture.store.viewers(now: fixedNow)[id] == ["amina"])
        try fixture.store.announce(user: "amina", viewing: nil, now: fixedNow)
        #expect(try fixture.store.viewers(now: fixedNow).isEmpty)
        #expect(try SQLiteStore.verify(at: fixture.path).events == fixture.store.state.head, "the log is untouched")
    }
}
