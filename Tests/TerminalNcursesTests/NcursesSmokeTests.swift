import Testing
import TerminalKit
@testable import TerminalNcurses

/// ncurses is process-global: everything that starts a terminal lives in this one serialized suite.
@Suite(.serialized) struct NcursesSmokeTests {
    @Test func presentsReadsBackAndWritesOnlyTheDiff() throws {
        let terminal = try NcursesTerminal.startForTesting(width: 40, height: 10)
        defer { terminal.stop() }
        #expect(terminal.size() == (40, 10))

        var grid = Grid(width: 40, height: 10)
        grid.put("Vigil queue", at: 0, y: 0, role: .title)
        grid.put("李", at: 2, y: 2)
        grid.put("محمد", at: 6, y: 2, role: .badgeHigh)
        grid.put("é\u{301}", at: 12, y: 2)
        grid.put("🇨🇴❤️", at: 14, y: 2)
        grid.put("corner", at: 34, y: 8, role: .statusBar)
        grid.put("abcd李", at: 34, y: 9)
        terminal.present(grid)
        let firstBytes = try #require(terminal.lastPresentByteCount)
        #expect(firstBytes > 0)

        #expect(terminal.cellText(x: 0, y: 0) == "V")
        #expect(terminal.cellText(x: 10, y: 0) == "e")
        #expect(terminal.cellText(x: 2, y: 2) == "李")
        #expect(terminal.cellText(x: 4, y: 2) == " ")
        #expect((0..<4).map { terminal.cellText(x: 6 + $0, y: 2) }.joined() == "محمد")
        #expect(terminal.cellText(x: 12, y: 2) == "é\u{301}")
        // The flag goes out as its country letters so ncurses and the terminal agree on columns.
        #expect(terminal.cellText(x: 14, y: 2) == "C")
        #expect(terminal.cellText(x: 15, y: 2) == "O")
        #expect(terminal.cellText(x: 16, y: 2) == "❤")
        #expect(terminal.cellText(x: 18, y: 2) == " ")
        #expect(terminal.cellText(x: 39, y: 8) == "r")
        // The bottom-right cell is never written (it would scroll), so a wide character reaching it is a space.
        #expect(terminal.cellText(x: 37, y: 9) == "d")
        #expect(terminal.cellText(x: 38, y: 9) == " ")
        #expect(terminal.cellText(x: 39, y: 9) == " ")

        // Glyphs whose C-library width would disagree with DisplayWidth are normalised.
        #expect(NcursesGlyph("👩🏽‍⚖️", width: 2).columns == [[0x1F469]])
        #expect(NcursesGlyph("❤️", width: 2).columns == [[0x2764], [0x20]])
        #expect(NcursesGlyph("🇨🇴", width: 2).columns == [[0x43], [0x4F]])
        #expect(NcursesGlyph("e\u{301}", width: 1).columns == [[0x65, 0x301]])
        #expect(NcursesGlyph("李", width: 2).columns == [[0x674E]])

        var changed = grid
        changed.put("Q", at: 6, y: 0, role: .title)
        changed.put("小", at: 2, y: 2)
        terminal.present(changed)
        #expect(terminal.lastPresentCellCount == 2)
        let diffBytes = try #require(terminal.lastPresentByteCount)
        #expect(diffBytes > 0)
        #expect(diffBytes < firstBytes / 4)
        #expect(terminal.cellText(x: 6, y: 0) == "Q")
        #expect(terminal.cellText(x: 2, y: 2) == "小")
        #expect(terminal.cellText(x: 7, y: 0) == "u")

        terminal.present(changed)
        #expect(terminal.lastPresentCellCount == 0)

        terminal.forceFullRepaint()
        #expect(terminal.lastPresentCellCount > 2)

        // A grid of another size (after a resize) repaints in full without trouble.
        let small = Grid(width: 3, height: 2)
        terminal.present(small)
        #expect(terminal.cellText(x: 0, y: 0) == " ")

        terminal.stop()
        terminal.stop()
        #expect(!terminal.isRunning)
        #expect(terminal.readEvent(timeoutMilliseconds: 0) == nil)
    }

    @Test func decodesKeys() {
        #expect(NcursesKeyDecoder.character(3) == .ctrl("c"))
        #expect(NcursesKeyDecoder.character(26) == .ctrl("z"))
        #expect(NcursesKeyDecoder.character(9) == .tab)
        #expect(NcursesKeyDecoder.character(13) == .enter)
        #expect(NcursesKeyDecoder.character(127) == .backspace)
        #expect(NcursesKeyDecoder.character(27) == .escape)
        #expect(NcursesKeyDecoder.character(0x674E) == .character("李"))
        // ncurses' codes (this target does not import CNcurses): KEY_BTAB, KEY_NPAGE, KEY_F0 + 5.
        #expect(NcursesKeyDecoder.functionKey(0o541) == .backTab)
        #expect(NcursesKeyDecoder.functionKey(0o522) == .pageDown)
        #expect(NcursesKeyDecoder.functionKey(0o410 + 5) == .function(5))
    }
}
