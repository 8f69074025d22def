import Foundation
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// Multi-select and bulk actions: each says how many reports it touches, asks first, and is one event per report.
@Suite("Bulk actions")
struct BulkTests {
    @Test("Space marks, t asks how many, y takes them all: one event each")
    func bulkTake() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "noor")
        _ = driver.keys("5")
        let fresh = driver.state.triage.rows.map(\.report.id)
        try #require(fresh.count >= 2)
        _ = driver.keys("Space Space")
        #expect(driver.state.marked == Set(fresh.prefix(2)))
        #expect(ConsoleView.render(driver.state).lines().last?.contains("2 marked") == true)
        let before = try fixture.eventCount()
        _ = driver.keys("t")
        guard case .confirm(let question, _)? = driver.state.overlay else {
            Issue.record("a bulk take asks first")
            return
        }
        #expect(question.contains("Take 2 marked reports"))
        _ = driver.keys("y")
        #expect(try fixture.eventCount() == before + 2)
        for id in fresh.prefix(2) {
            #expect(try fixture.store.history(of: id).last?.body == .reportTaken)
        }
        #expect(driver.state.marked.isEmpty)
    }

    @Test("declining a bulk action appends nothing; Esc clears the marks")
    func decline() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "noor")
        _ = driver.keys("5 Space t")
        let before = try fixture.eventCount()
        _ = driver.keys("n")
        #expect(try fixture.eventCount() == before)
        #expect(driver.state.marked.count == 1)
        _ = driver.keys("Esc")
        #expect(driver.state.marked.isEmpty)
    }

    @Test("a bulk comment goes through one form and lands on every marked report")
    func bulkComment() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "sofia")
        _ = driver.keys("1 *")
        let marked = driver.state.marked
        try #require(marked.count > 2)
        _ = driver.keys("c")
        #expect(driver.state.form?.bulkTargets.count == marked.count)
        _ = driver.type("Weekly review done")
        _ = driver.keys("C-s y")
        #expect(driver.state.message?.isError == false, "\(driver.state.message?.text ?? "")")
        for id in marked {
            guard case .commented(let text)? = try fixture.store.history(of: id).last?.body else {
                Issue.record("\(id) has no comment")
                continue
            }
            #expect(text == "Weekly review done")
        }
    }

    @Test("bulk close is for low and medium reports only")
    func bulkCloseRefusesHighRisk() throws {
        let fixture = try FixtureStore()
        let driver = ConsoleDriver(fixture, user: "sofia")
        _ = driver.keys("1 *")
        let before = try fixture.eventCount()
        _ = driver.keys("x")
        #expect(driver.state.form == nil)
        #expect(driver.state.message?.text.contains("bulk close is for low and medium reports only") == true)
        #expect(try fixture.eventCount() == before)
    }
}
