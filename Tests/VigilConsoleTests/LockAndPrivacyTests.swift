import Foundation
import Testing
import VigilConsole
import VigilCore

/// The lock (a key, or idle time), the panic key, and privacy mode with recorded reveals.
@Suite("Lock, panic and privacy")
struct LockAndPrivacyTests {
    @Test("C-k locks: the screen shows nothing of the reports until unlocked")
    func lockKey() throws {
        var state = Fixture.state(user: "noor")
        let effects = Fixture.press(&state, .ctrl("k"))
        #expect(state.locked)
        #expect(effects.contains(.redraw), "a full repaint leaves nothing of the old screen")
        let text = ConsoleView.render(state).lines().joined(separator: "\n")
        #expect(text.contains("Vigil is locked"))
        #expect(!text.contains("R-2026"))
        #expect(!text.contains("Padma"))
        // Keys go to the lock, not the keymap.
        Fixture.press(&state, .character("q"))
        #expect(!state.shouldQuit && state.locked)
        // A plain store hides nothing from whoever holds the file: Enter unlocks.
        Fixture.press(&state, .enter)
        #expect(!state.locked)
    }

    @Test("idle for the store's timeout locks the screen without a key press")
    func idleLock() throws {
        var state = Fixture.state(user: "noor")
        _ = Fixture.send(&state, [.tick(fixedNow.addingTimeInterval(state.desk.lockAfter - 10))])
        #expect(!state.locked)
        _ = Fixture.send(&state, [.tick(fixedNow.addingTimeInterval(state.desk.lockAfter + 1))])
        #expect(state.locked)
    }

    @Test("a sealed store's lock asks for the passphrase; a wrong one keeps it locked")
    func sealedLock() throws {
        var state = AppState(desk: Fixture.desk, session: Session(user: "noor", storePath: "desk.vigil", sealed: true),
                             now: fixedNow, width: 120, height: 40)
        Fixture.press(&state, .ctrl("k"))
        _ = Fixture.type(&state, "secret")
        let text = ConsoleView.render(state).lines().joined(separator: "\n")
        #expect(text.contains("******") && !text.contains("secret"))
        let effects = Fixture.press(&state, .enter)
        #expect(effects.contains(.unlock(passphrase: "secret")))
        _ = Fixture.send(&state, [.unlockChecked(false)])
        #expect(state.locked && state.lockError == "wrong passphrase")
        _ = Fixture.send(&state, [.unlockChecked(true)])
        #expect(!state.locked)
    }

    @Test("the panic key asks the loop to clear and exit at once")
    func panic() throws {
        var state = Fixture.state(user: "noor")
        #expect(Fixture.press(&state, .function(12)) == [.panic])
        #expect(Fixture.press(&state, .ctrl("x")) == [.panic])
    }

    @Test("privacy mode masks real names, contacts and places; X reveals one field and the reveal is recorded")
    func privacy() throws {
        let fixture = try FixtureStore()
        let id = Fixture.id("Padma")
        try fixture.store.perform(.edit(id: id, values: [.defenderRealName: "Rokeya Begum", .placeDescription: "the union office"],
                                        expectedVersion: nil), as: "rahul", now: fixedNow)
        let driver = ConsoleDriver(fixture, user: "rahul")
        driver.state.privacy = true
        driver.select(id)
        var text = ConsoleView.render(driver.state).lines().joined(separator: "\n")
        #expect(!text.contains("Rokeya"))
        #expect(text.contains("X reveals"))
        _ = driver.keys("X")
        #expect(driver.state.form?.kind == .reveal(id))
        _ = driver.keys("C-s")
        #expect(driver.state.form == nil)
        #expect(try fixture.store.history(of: id).last?.body == .fieldRevealed(field: .defenderRealName))
        text = ConsoleView.render(driver.state).lines().joined(separator: "\n")
        #expect(text.contains("Rokeya Begum"))
        #expect(!text.contains("the union office"), "only the revealed field shows")
        // P turns privacy off (a display choice) and back on.
        _ = driver.keys("P")
        #expect(!driver.state.privacy)
    }
}
