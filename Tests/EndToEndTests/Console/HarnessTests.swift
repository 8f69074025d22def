import Testing

/// The console harness's own reading of screens (no tmux needed): a check that cannot fail proves nothing.
@Suite("Console end to end: the harness's screen reading")
struct ConsoleHarnessTests {
    @Test("colour SGR codes are told from attributes and from the default-colour resets")
    func colourCodes() {
        for colour in ["31", "1;34", "0;1;4;31", "38;5;196", "48;2;10;20;30", "38:5:1", "97", "104", "58;5;3"] {
            #expect(ConsoleScreen.setsColour(colour), "\(colour)")
        }
        for plain in ["", "0", "1", "0;7", "1;4", "2", "39", "49", "0;1;7", "22;23;24;27"] {
            #expect(!ConsoleScreen.setsColour(plain), "\(plain)")
        }
        #expect(ConsoleScreen.sgr("0;7", has: 7))
        #expect(!ConsoleScreen.sgr("38;5;7", has: 7))
        #expect(!ConsoleScreen.sgr("48;2;7;7;7", has: 7))
        #expect(ConsoleScreen.sgr("38;5;2;1", has: 1))
        let screen = ConsoleScreen("\u{1B}[1mA\u{1B}[0;7mB\u{1B}[39m\u{1B}[K\u{1B}(B\n")
        #expect(screen.sgrSequences() == ["1", "0;7", "39"])
    }

    @Test("display width follows the C library, as tmux does")
    func widths() {
        #expect(ConsoleScreen.displayWidth("abc") == 3)
        #expect(ConsoleScreen.displayWidth("│┌─┐") == 4)
        #expect(ConsoleScreen.displayWidth("山茶") == 4)
        #expect(ConsoleScreen.displayWidth("Rimba 🌳") == 8)
        #expect(ConsoleScreen.displayWidth("e\u{301}") == 1)
    }

    @Test("boxes are found by their corners, wide characters counted as two cells")
    func boxesAndFrames() throws {
        let screen = ConsoleScreen("""
             top bar
            ┌ Facets ┐┌[ Reports: 2 matching ]─┐
            │ID RISK ││ID           NAME STATUS│
            │* A   1 ││R-2026-00001 山茶 new   │
            │  B   0 ││R-2026-00002 x    taken │
            │        │└────────────────────────┘
            │        │┌ Detail ────────────────┐
            │        ││R-2026-00001  Title     │
            └────────┘└────────────────────────┘
            hint
             me (officer)
            """)
        #expect(screen.boxes.map(\.title) == ["Facets", "[ Reports: 2 matching ]", "Detail"])
        #expect(screen.boxes.allSatisfy { $0.isClosed })
        #expect(screen.list?.isFocused == true)
        #expect(screen.box("Facets")?.isFocused == false)
        #expect(screen.listedIDs == ["R-2026-00001", "R-2026-00002"])
        let row = try #require(screen.row(of: "R-2026-00002"))
        #expect(row == "R-2026-00002 x    taken ")
        #expect(screen.list?.value("STATUS", in: row) == "taken")
        #expect(screen.list?.value("NAME", in: screen.row(of: "R-2026-00001") ?? "") == "山茶")
        #expect(screen.list?.value("RISK", in: row) == nil)
        #expect(screen.detailID == "R-2026-00001")
        #expect(screen.frameProblems(width: 36, height: 11, boxes: 3, statusBar: "me (officer)") == [])
        #expect(!screen.frameProblems(width: 38, height: 11, boxes: 3, statusBar: "me (officer)").isEmpty)
        #expect(!screen.frameProblems(width: 36, height: 12, boxes: 3, statusBar: "me (officer)").isEmpty)
        #expect(!screen.frameProblems(width: 36, height: 11, boxes: 2, statusBar: "me (officer)").isEmpty)
        #expect(!screen.frameProblems(width: 36, height: 11, boxes: 3, statusBar: "sofia").isEmpty)

        // A row one cell too wide inside a box (a leftover, a width mismatch) breaks its right side.
        let shifted = ConsoleScreen(screen.text.replacingOccurrences(of: "│R-2026-00002 x    taken │",
                                                                     with: "│R-2026-00002 xx    taken │"))
        #expect(!shifted.frameProblems(width: 36, height: 11, boxes: 3, statusBar: "me (officer)").isEmpty)
        #expect(shifted.boxes.contains { !$0.isClosed })
        // Box drawing below the boxes is a leftover.
        let leftover = ConsoleScreen(screen.text.replacingOccurrences(of: "hint", with: "hint │"))
        #expect(!leftover.frameProblems(width: 36, height: 11, boxes: 3, statusBar: "me (officer)").isEmpty)
        #expect(ConsoleScreen.isReportID("R-2026-00371") && !ConsoleScreen.isReportID("R-2026-0037"))
    }

    @Test("normalizing forgets moving clocks but not text")
    func normalizing() {
        let before = ConsoleScreen("│R-2026-00001 in 9m rea    │ 08:59 UTC\n│59m ago│")
        let after = ConsoleScreen("│R-2026-00001 in 10m rea   │ 09:00 UTC\n│1h ago │")
        #expect(before.normalized == after.normalized)
        #expect(before.normalized != ConsoleScreen("│R-2026-00001 in 9m dec    │ 08:59 UTC\n│59m ago│").normalized)
    }
}
