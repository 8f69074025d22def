import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore

/// The keymap (rebinding, help and hints follow it), panes, facets, the mouse and the clock.
@Suite("Keymap, panes and time")
struct KeymapAndPaneTests {
    @Test("the help overlay is generated from the keymap: every action with its real keys")
    func helpFromKeymap() throws {
        var state = Fixture.state(width: 120, height: 60)
        Fixture.press(&state, .character("?"))
        #expect(state.overlay == .help(scroll: 0))
        let text = ConsoleView.render(state).lines().joined(separator: "\n")
        #expect(text.contains("assess the risk  :assess"))
        #expect(text.contains("C-c/q     quit"))
        // Any other key closes it; j scrolls it.
        Fixture.press(&state, .character("j"))
        #expect(state.overlay == .help(scroll: 1))
        Fixture.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test("rebinding a key in a keys file changes what it does, the help and the hints")
    func rebinding() throws {
        var keymap = Keymap.standard
        #expect(keymap.apply("# mine\nbind x assess\nunbind a\n", file: "keys").isEmpty)
        #expect(keymap.apply("bind Hyper-q quit\nbind q frobnicate\nnonsense", file: "keys")
            == ["keys:1: unknown key 'Hyper-q'", "keys:2: unknown action 'frobnicate'", "keys:3: expected 'bind KEY ACTION' or 'unbind KEY'"])
        var state = AppState(desk: Fixture.desk, session: Session(user: "noor", storePath: "desk.vigil"), now: fixedNow,
                             width: 120, height: 60, keymap: keymap)
        select(&state, id: Fixture.id("Padma"))
        Fixture.press(&state, .character("a"))
        #expect(state.form == nil)
        #expect(state.message?.text.contains("a is not bound") == true)
        #expect(ConsoleView.render(state).lines()[58].contains("a is not bound"))
        state.message = nil
        #expect(ConsoleView.render(state).lines()[58].contains("x assess"), "the hints show the real key")
        Fixture.press(&state, .character("x"))
        #expect(state.form?.kind == .assess(Fixture.id("Padma")))
        Fixture.press(&state, .escape)
        Fixture.press(&state, .character("?"))
        #expect(ConsoleView.render(state).lines().contains { $0.contains("x ") && $0.contains("assess the risk") })
    }

    @Test("Tab cycles facets, list and detail; Enter on a facet toggles its filter term")
    func facets() throws {
        var state = Fixture.state()
        #expect(state.focus == .list)
        Fixture.press(&state, .tab)
        #expect(state.focus == .detail)
        Fixture.press(&state, .tab)
        #expect(state.focus == .facets)
        Fixture.press(&state, .backTab)
        #expect(state.focus == .detail)
        Fixture.press(&state, .tab)
        // Down to South Asia, stepping over headings.
        let entries = state.facetEntries
        let southAsia = try #require(entries.firstIndex { $0.value == "south_asia" })
        while state.facetSelection < southAsia { Fixture.press(&state, .character("j")) }
        #expect(state.facetSelection == southAsia)
        #expect(entries[state.facetSelection].kind == .entry)
        Fixture.press(&state, .enter)
        #expect(state.filter.text == "status:!closed desk:south_asia")
        #expect(state.list.rows.allSatisfy { $0.report.desk == "south_asia" })
        #expect(ConsoleView.render(state).lines().contains { $0.contains("* South Asia") })
        Fixture.press(&state, .enter)
        #expect(state.filter.text == "status:!closed", "Enter again removes the term")
        Fixture.press(&state, .character("F"))
        #expect(state.filter.isEmpty)
        #expect(state.list.rows.count == 10, "the closed report shows without a filter")
    }

    @Test("one pane below 80 columns: v and Tab switch panes, Esc comes back to the list")
    func narrowPanes() {
        var state = Fixture.state(width: 70, height: 24)
        #expect(state.paneCount == 1)
        Fixture.press(&state, .enter)
        #expect(state.narrowPane == .detail)
        #expect(ConsoleView.render(state).lines()[1].contains("[ Detail ]"))
        Fixture.press(&state, .escape)
        #expect(state.narrowPane == .list && state.focus == .list)
        Fixture.press(&state, .tab)
        #expect(state.narrowPane == .detail)
        Fixture.press(&state, .tab)
        #expect(state.narrowPane == .facets)
        #expect(ConsoleView.render(state).lines()[1].contains("[ Facets ]"))
        Fixture.press(&state, .character("v"))
        #expect(state.narrowPane == .list)
    }

    @Test("with the mouse on, a click selects a row and focuses its pane; off by default")
    func mouse() throws {
        var state = Fixture.state()
        #expect(state.mouseEnabled == false)
        #expect(Fixture.press(&state, .character("M")) == [.setMouse(true)])
        let list = try #require(ConsoleLayout(state).list)
        let target = Fixture.id("Padma")
        let row = try #require(ConsoleView.render(state).find(target, in: list).first)
        Fixture.send(&state, [.mouse(MouseEvent(kind: .press, x: row.x + 3, y: row.y))])
        #expect(state.list.current?.report.id == target)
        #expect(state.history?.id == target, "the detail follows the click")
        let detail = try #require(ConsoleLayout(state).detail)
        Fixture.send(&state, [.mouse(MouseEvent(kind: .press, x: detail.x + 2, y: detail.y + 2))])
        #expect(state.focus == .detail)
        #expect(ConsoleView.render(state).lines().last?.contains("mouse") == true)
    }

    @Test("time passing moves clocks past their deadlines and updates the status bar's time")
    func ticks() throws {
        var state = Fixture.state()
        let overdue = state.facets.overdue
        Fixture.send(&state, [.tick(fixedNow.addingTimeInterval(30))])
        #expect(ConsoleView.render(state).lines().last?.contains("2026-05-28 20:27 UTC") == true)
        Fixture.send(&state, [.tick(fixedNow.addingTimeInterval(3 * day))])
        #expect(state.facets.overdue > overdue)
        // Three idle days also lock the screen; on a plain store Enter unlocks it.
        #expect(state.locked)
        Fixture.press(&state, .enter)
        #expect(ConsoleView.render(state).lines().last?.contains("2026-05-31 20:26 UTC") == true)
    }

    @Test("s cycles the sort order and the status bar says which")
    func sortCycle() {
        var state = Fixture.state()
        #expect(state.sort.key == .due)
        var seen: [VigilCore.SortOrder.Key] = []
        for _ in 0..<5 {
            Fixture.press(&state, .character("s"))
            seen.append(state.sort.key)
            #expect(ConsoleView.render(state).lines().last?.contains("sort: \(state.sort.key.rawValue)") == true)
        }
        #expect(seen == [.received, .risk, .updated, .id, .due])
    }
}
