import Testing
import TerminalKit

@Suite struct KeyTests {
    static let samples: [Key] = [
        .character("j"), .character("J"), .character("?"), .character(":"), .character(" "), .character("/"),
        .character("é"), .character("李"), .character("-"), .character("^"), .ctrl("c"), .ctrl("d"), .ctrl("z"),
        .ctrl(" "), .ctrl("]"), .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right,
        .home, .end, .pageUp, .pageDown, .insert, .function(1), .function(12),
    ]

    @Test(arguments: samples)
    func nameRoundTrips(_ key: Key) {
        #expect(Key(name: key.name) == key, "\(key.name)")
    }

    @Test func stableNames() {
        #expect(Key.character("j").name == "j")
        #expect(Key.character("J").name == "J")
        #expect(Key.ctrl("d").name == "C-d")
        #expect(Key.enter.name == "Enter")
        #expect(Key.escape.name == "Esc")
        #expect(Key.tab.name == "Tab")
        #expect(Key.backTab.name == "S-Tab")
        #expect(Key.up.name == "Up")
        #expect(Key.pageDown.name == "PgDn")
        #expect(Key.function(1).name == "F1")
        #expect(Key.character(" ").name == "Space")
        #expect(Key.character("?").name == "?")
        #expect(Key.character(":").name == ":")
    }

    @Test func aliasesAndCase() {
        #expect(Key(name: "ctrl-C") == .ctrl("c"))
        #expect(Key(name: "C-D") == .ctrl("d"))
        #expect(Key(name: "^w") == .ctrl("w"))
        #expect(Key(name: "escape") == .escape)
        #expect(Key(name: "RETURN") == .enter)
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "space") == .character(" "))
        #expect(Key(name: "f10") == .function(10))
    }

    @Test func unknownNames() {
        #expect(Key(name: "") == nil)
        #expect(Key(name: "C-") == nil)
        #expect(Key(name: "C-ab") == nil)
        #expect(Key(name: "Hyper") == nil)
        #expect(Key(name: "F99") == nil)
    }
}
