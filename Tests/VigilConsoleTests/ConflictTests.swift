import Foundation
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// A report changed by someone else while a form on it was open: the save says what changed and by whom, and the
/// user re-applies (saves again) or drops (Esc). Nothing is overwritten silently.
@Suite("Conflicts while a form is open")
struct ConflictTests {
    @Test("saving after another user's change shows the change; saving again re-applies")
    func reapply() throws {
        let fixture = try FixtureStore()
        let id = Fixture.id("Padma")
        let driver = ConsoleDriver(fixture, user: "rahul")
        driver.select(id)
        _ = driver.keys("a")
        #expect(driver.state.form?.kind == .assess(id))
        let before = try fixture.eventCount()
        let other = try fixture.openAnother()
        try other.perform(.comment(id: id, text: "new facts from the partner"), as: "kwame", now: fixedNow)
        _ = driver.keys("5 C-s")
        let error = try #require(driver.state.form?.formError)
        #expect(error.contains("changed since you opened the form"))
        #expect(error.contains("kwame: commented: new facts from the partner"))
        #expect(try fixture.eventCount() == before + 1, "nothing of ours was saved")
        _ = driver.keys("C-s")
        #expect(driver.state.form == nil)
        #expect(try fixture.openAnother().state.report(id)?.assessment?.input.threat == 5)
    }

    @Test("an edit made meanwhile is shown field by field, and Esc drops ours")
    func drop() throws {
        let fixture = try FixtureStore()
        let id = Fixture.id("Padma")
        let driver = ConsoleDriver(fixture, user: "rahul")
        driver.select(id)
        _ = driver.keys("E")
        _ = driver.keys("C-u")
        _ = driver.type("A new title")
        let other = try fixture.openAnother()
        try other.perform(.edit(id: id, values: [.title: "Their title"], expectedVersion: nil), as: "noor", now: fixedNow)
        _ = driver.keys("C-s")
        let error = try #require(driver.state.form?.formError)
        #expect(error.contains("noor: edited title"))
        _ = driver.keys("Esc")
        #expect(driver.state.overlay != nil, "a changed form asks before it is dropped")
        _ = driver.keys("y")
        #expect(driver.state.form == nil)
        #expect(try fixture.openAnother().state.report(id)?.fields.title == "Their title")
    }
}
