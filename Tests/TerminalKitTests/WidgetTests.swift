import Testing
import TerminalKit

@Suite struct BoxAndOverlayTests {
    @Test func boxDrawsBorderAndTitle() {
        var grid = Grid(width: 12, height: 4)
        let inner = Box.draw(&grid, grid.bounds, title: "Queue", focused: false)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(grid.lines() == [
            "┌ Queue ───┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        #expect(grid.roleLines()[0] == "bbTTTTTbbbbb")
    }

    @Test func focusedBoxBracketsItsTitle() {
        var grid = Grid(width: 12, height: 3)
        Box.draw(&grid, grid.bounds, title: "Queue", focused: true, border: .ascii)
        #expect(grid.lines() == ["+[ Queue ]-+", "|          |", "+----------+"])
        #expect(grid.roleLines()[0] == String(repeating: "F", count: 12))
    }

    @Test func longTitlesAreTruncated() {
        var grid = Grid(width: 10, height: 2)
        Box.draw(&grid, grid.bounds, title: "李小龙的报告")
        #expect(grid.lines()[0] == "┌ 李小… ─┐")
        #expect(DisplayWidth.of(grid.lines()[0]) == 10)
    }

    @Test func overlayIsCentredClearedAndClamped() {
        var grid = Grid(width: 20, height: 7, fill: Cell("x"))
        let inner = Overlay.draw(&grid, width: 10, height: 3, title: "Help")
        #expect(inner == Rect(x: 6, y: 3, width: 8, height: 1))
        #expect(grid.lines()[2] == "xxxxx┌[ Help ]┐xxxxx")
        #expect(grid.lines()[3] == "xxxxx│        │xxxxx")
        let huge = Overlay.draw(&grid, width: 99, height: 99, title: "Big")
        #expect(huge == Rect(x: 1, y: 1, width: 18, height: 5))
    }

    @Test func tinyBoxesNeverCrash() {
        for rect in [Rect.zero, Rect(width: 1, height: 1), Rect(width: 2, height: 2), Rect(width: 1, height: 9), Rect(x: -3, y: -3, width: 5, height: 5)] {
            var grid = Grid(width: 3, height: 3)
            let inner = Box.draw(&grid, rect, title: "Title")
            #expect(inner.width >= 0 && inner.height >= 0)
            _ = Overlay.draw(&grid, width: rect.width, height: rect.height, title: "T")
        }
        var empty = Grid(width: 0, height: 0)
        #expect(Overlay.draw(&empty, width: 10, height: 10).isEmpty)
    }
}

@Suite struct TextViewTests {
    @Test func drawsStyledLinesFromAnOffset() {
        var grid = Grid(width: 8, height: 2, fill: Cell("#"))
        let lines: [StyledLine] = [
            StyledLine([Span("Risk: "), Span("HIGH", role: .badgeHigh)]),
            "second",
            StyledLine("李小龙李小龙", role: .title),
        ]
        TextView.draw(&grid, grid.bounds, lines: lines, top: 1)
        #expect(grid.lines() == ["second", "李小龙李"])
        #expect(grid.roleLines() == ["........", "TTTTTTTT"])
        TextView.draw(&grid, grid.bounds, lines: lines, top: 0)
        #expect(grid.lines() == ["Risk: HI", "second"])
        #expect(grid.roleLines()[0] == "......33")
    }

    @Test func horizontalOffsetNeverHalvesAWideCharacter() {
        var grid = Grid(width: 5, height: 1)
        TextView.draw(&grid, grid.bounds, lines: ["李小龙"], left: 1)
        #expect(grid.lines() == [" 小龙"])
    }

    @Test func wrapHelper() {
        let lines = TextView.wrap("the quick brown fox", width: 10, role: .dim)
        #expect(lines.map(\.text) == ["the quick", "brown fox"])
        #expect(lines.allSatisfy { $0.spans.allSatisfy { $0.role == .dim } })
        #expect(TextView.maxTop(lineCount: 10, visibleRows: 4) == 6)
        #expect(TextView.maxTop(lineCount: 2, visibleRows: 4) == 0)
    }
}

@Suite struct StatusBarTests {
    @Test func rightFlushLeftFirst() {
        var grid = Grid(width: 20, height: 2)
        StatusBar.draw(&grid, grid.bounds,
                       left: StyledLine([Span("q", role: .statusBarKey), Span(" quit")]),
                       right: "12 open")
        #expect(grid.lines() == ["q quit       12 open", ""])
        #expect(grid.roleLines()[0] == "#===================")
    }

    @Test func leavesTheBottomRightCellEmpty() {
        var grid = Grid(width: 20, height: 2)
        StatusBar.draw(&grid, Rect(x: 0, y: 1, width: 20, height: 1), left: "q quit", right: "12 open")
        #expect(grid.lines()[1] == "q quit      12 open")
        #expect(grid[19, 1].character == " " && grid[19, 1].role == .statusBar)
    }

    @Test func leftIsTruncatedFirst() {
        var grid = Grid(width: 16, height: 2)
        StatusBar.draw(&grid, grid.bounds, left: "Desk: Bogotá — urgent reports", right: "3/40")
        #expect(grid.lines()[0] == "Desk: Bogo… 3/40")
    }

    @Test func tooNarrowForBoth() {
        var grid = Grid(width: 4, height: 2)
        StatusBar.draw(&grid, grid.bounds, left: "left", right: "righthand")
        #expect(grid.lines()[0] == "rig…")
        var zero = Grid(width: 0, height: 0)
        StatusBar.draw(&zero, zero.bounds, left: "x", right: "y")
        var one = Grid(width: 1, height: 1)
        StatusBar.draw(&one, one.bounds, left: "x", right: "y")
        #expect(one.lines() == [""])
    }
}

@Suite struct FormFieldViewTests {
    @Test func labelValueAndCursor() {
        var grid = Grid(width: 16, height: 2)
        let rows = FormFieldView.draw(&grid, grid.bounds, label: "Name", editor: LineEditor("Ana", cursor: 1), focused: true)
        #expect(rows == 1)
        #expect(grid.lines() == ["Name Ana", ""])
        #expect(grid.roleLines()[0] == "FFFF.ICIIIIIIIII")
    }

    @Test func unfocusedHasNoCursor() {
        var grid = Grid(width: 12, height: 1)
        FormFieldView.draw(&grid, grid.bounds, label: "Name", editor: LineEditor("Ana"), focused: false)
        #expect(grid.roleLines()[0] == "PPPP.IIIIIII")
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var grid = Grid(width: 10, height: 1)
        FormFieldView.draw(&grid, grid.bounds, label: "To", editor: LineEditor("abcdefghijkl"), focused: true)
        // Field is 7 columns wide: the last 6 characters and the cursor after them.
        #expect(grid.lines() == ["To ghijkl"])
        #expect(grid.roleLines()[0] == "FF.IIIIIIC")
        var wide = Grid(width: 8, height: 1)
        FormFieldView.draw(&wide, wide.bounds, label: "", editor: LineEditor("李小龙李小龙", cursor: 4), focused: true, labelWidth: 0)
        // The cursor sits on the fifth character (小), scrolled just into view.
        #expect(wide.lines() == ["小龙李小"])
        #expect(wide.roleLines()[0] == "IIIIIICC")
    }

    @Test func errorUnderTheValue() {
        var grid = Grid(width: 20, height: 2)
        let rows = FormFieldView.draw(&grid, grid.bounds, label: "Email", editor: LineEditor("x@"), error: "not an address", focused: true)
        #expect(rows == 2)
        #expect(grid.lines() == ["Email x@", "      not an address"])
        #expect(grid.roleLines()[1] == "......EEEEEEEEEEEEEE")
    }

    @Test func masked() {
        var grid = Grid(width: 12, height: 1)
        FormFieldView.draw(&grid, grid.bounds, label: "Pass", editor: LineEditor("secret"), focused: false, mask: "*")
        #expect(grid.lines() == ["Pass ******"])
        #expect(grid.roleLines()[0] == "PPPP.MMMMMMI")
    }

    @Test func multilineWrapsAndShowsCursor() {
        var grid = Grid(width: 10, height: 4)
        let editor = LineEditor("the quick brown fox", allowsNewlines: true)
        FormFieldView.drawMultiline(&grid, grid.bounds, label: "Narrative", editor: editor, error: nil, focused: true)
        #expect(grid.lines() == ["Narrative", "the quick", "brown fox", ""])
        #expect(grid.roleLines()[2] == "IIIIIIIIIC")
        #expect(grid.roleLines()[3] == "IIIIIIIIII")
    }

    @Test func multilineScrollsAndShowsErrors() {
        var grid = Grid(width: 6, height: 4)
        let editor = LineEditor("one\ntwo\nthree\nfour", allowsNewlines: true)
        FormFieldView.drawMultiline(&grid, grid.bounds, label: "Notes", editor: editor, error: "long", focused: true)
        #expect(grid.lines() == ["Notes", "three", "four", "long"])
        #expect(grid.roleLines()[2] == "IIIICI")
        #expect(grid.roleLines()[3] == "EEEE..")
    }

    @Test func tinyFieldsNeverCrash() {
        for rect in [Rect.zero, Rect(width: 1, height: 1), Rect(width: 3, height: 1), Rect(width: 1, height: 3)] {
            var grid = Grid(width: 4, height: 4)
            FormFieldView.draw(&grid, rect, label: "Label", editor: LineEditor("李小龙"), error: "bad", focused: true)
            FormFieldView.drawMultiline(&grid, rect, label: "Label", editor: LineEditor("李小龙 a b", allowsNewlines: true), error: "bad", focused: true)
        }
    }
}

@Suite struct BarChartTests {
    @Test func unicodeBarsScaleWithEighths() {
        var grid = Grid(width: 20, height: 3)
        BarChart.draw(&grid, grid.bounds, bars: [(label: "Low", value: 8), (label: "High", value: 3), (label: "Crit", value: 0)])
        // Labels 4 wide, value column 1 wide: 20 - 4 - 1 - 1 - 1 = 13 bar columns.
        #expect(grid.lines() == [
            "Low  █████████████ 8",
            "High ████▉ 3",
            "Crit  0",
        ])
    }

    @Test func asciiFallback() {
        var grid = Grid(width: 20, height: 2)
        BarChart.draw(&grid, grid.bounds, bars: [(label: "a", value: 10), (label: "b", value: 5)], unicode: false)
        // Value column 2 wide: 20 - 1 - 1 - 1 - 2 = 15 bar columns.
        #expect(grid.lines() == ["a ############### 10", "b ######## 5"])
    }

    @Test func nonZeroShowsASliver() {
        var grid = Grid(width: 20, height: 2)
        BarChart.draw(&grid, grid.bounds, bars: [(label: "a", value: 1000), (label: "b", value: 1)], role: .success)
        #expect(grid.lines()[1] == "b ▏ 1")
        #expect(grid.roleLines()[1].hasPrefix("..G.."))
    }

    @Test func tinyChartsNeverCrash() {
        for rect in [Rect.zero, Rect(width: 1, height: 1), Rect(width: 3, height: 2)] {
            var grid = Grid(width: 3, height: 3)
            BarChart.draw(&grid, rect, bars: [(label: "李小龙", value: 5), (label: "x", value: -3)])
            BarChart.draw(&grid, rect, bars: [])
        }
    }
}
