import Foundation
import Testing
import VigilConsole
import VigilCore

/// `:save NAME` keeps the current filter and sort in the store; V shows a view again.
@Suite("Saved views in the console")
struct SavedViewConsoleTests {
    @Test(":save, then V picks the view back after the filter changed")
    func saveAndShow() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "rahul")
        _ = driver.keys("f C-u")
        _ = driver.type("risk:high+")
        _ = driver.keys("Enter :")
        _ = driver.type("save high")
        _ = driver.keys("Enter")
        #expect(fixture.store.state.views == [SavedView(name: "high", filter: "risk:high+", sort: "due:asc", owner: "rahul")])
        let shown = driver.state.triage.rows.map(\.report.id)
        _ = driver.keys("F")
        #expect(driver.state.filter.isEmpty)
        _ = driver.keys("V")
        #expect(driver.state.form?.kind == .views)
        _ = driver.keys("Enter")
        #expect(driver.state.filter.text == "risk:high+")
        #expect(driver.state.triage.rows.map(\.report.id) == shown)
    }

    @Test("an officer cannot save a store-wide view; the refusal names who may")
    func sharedNeedsSupervisor() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "rahul")
        _ = driver.keys(":")
        _ = driver.type("save-shared everyone")
        _ = driver.keys("Enter")
        #expect(driver.state.message?.text.contains("only a supervisor or an admin may save a store-wide view") == true)
        #expect(fixture.store.state.views.isEmpty)
    }
}
