import Testing
import TerminalKit

@Suite struct TableTests {
    static let columns = [
        TableColumn("ID", width: 3),
        TableColumn("Name", width: .flex()),
        TableColumn("Risk", width: 4, align: .right),
    ]
    static let rows: [[TableCell]] = [
        ["R1", "李小龙", TableCell("HIGH", role: .badgeHigh)],
        ["R2", "محمد الأحمد", "LOW"],
        ["R3", "👩🏽‍⚖️ Ana 🇨🇴 ❤️", TableCell("CRIT", role: .badgeCritical)],
        ["R4", "A very long defender name", "MED"],
    ]

    @Test func alignedSnapshotWithWideAndRightToLeftText() {
        var grid = Grid(width: 26, height: 6)
        Table.draw(&grid, grid.bounds, columns: Self.columns, rows: Self.rows, selected: 1, top: 0, focused: true)
        #expect(grid.lines() == [
            "ID  Name              Risk",
            "R1  李小龙            HIGH",
            "R2  محمد الأحمد        LOW",
            "R3  👩🏽‍⚖️ Ana 🇨🇴 ❤️      CRIT",
            "R4  A very long defe…  MED",
            "",
        ])
        #expect(grid.roleLines() == [
            "HHHHHHHHHHHHHHHHHHHHHHHHHH",
            "......................3333",
            "SSSSSSSSSSSSSSSSSSSSSSSSSS",
            "......................4444",
            "..........................",
            "..........................",
        ])
        // Every column starts at the same display column on every row.
        for y in 0..<5 {
            #expect(grid[0, y].character != " ")
            #expect(!grid[4, y].isContinuation && grid[4, y].character != " ")
            #expect(!grid[22, y].isContinuation)
            #expect(grid[25, y].character != " ")
        }
    }

    @Test func unfocusedSelectionAndScrolling() {
        var grid = Grid(width: 26, height: 3)
        Table.draw(&grid, grid.bounds, columns: Self.columns, rows: Self.rows, selected: 3, top: 2, focused: false)
        #expect(grid.lines() == [
            "ID  Name              Risk",
            "R3  👩🏽‍⚖️ Ana 🇨🇴 ❤️      CRIT",
            "R4  A very long defe…  MED",
        ])
        #expect(grid.roleLines()[2] == String(repeating: "s", count: 26))
    }

    @Test func redrawClearsStaleRows() {
        var grid = Grid(width: 26, height: 6, fill: Cell("#"))
        Table.draw(&grid, grid.bounds, columns: Self.columns, rows: [], selected: nil, top: 0, focused: true)
        #expect(grid.lines() == ["ID  Name              Risk", "", "", "", "", ""])
    }

    @Test func scrollTopKeepsSelectionVisible() {
        #expect(Table.scrollTop(selected: 0, currentTop: 0, visibleRows: 5) == 0)
        #expect(Table.scrollTop(selected: 4, currentTop: 0, visibleRows: 5) == 0)
        #expect(Table.scrollTop(selected: 5, currentTop: 0, visibleRows: 5) == 1)
        #expect(Table.scrollTop(selected: 2, currentTop: 4, visibleRows: 5) == 2)
        #expect(Table.scrollTop(selected: 20, currentTop: 3, visibleRows: 5) == 16)
        #expect(Table.scrollTop(selected: 3, currentTop: 9, visibleRows: 5, rowCount: 10) == 3)
        #expect(Table.scrollTop(selected: 9, currentTop: 8, visibleRows: 5, rowCount: 10) == 5)
        #expect(Table.scrollTop(selected: 0, currentTop: 0, visibleRows: 5, rowCount: 2) == 0)
        #expect(Table.scrollTop(selected: 7, currentTop: 0, visibleRows: 0) == 7)
        #expect(Table.scrollTop(selected: -1, currentTop: -3, visibleRows: 3) == 0)
    }

    @Test func rowHitTesting() {
        let rect = Rect(x: 0, y: 2, width: 20, height: 5)
        #expect(Table.rowIndex(atY: 2, in: rect, top: 0, rowCount: 10) == nil, "header")
        #expect(Table.rowIndex(atY: 3, in: rect, top: 4, rowCount: 10) == 4)
        #expect(Table.rowIndex(atY: 6, in: rect, top: 8, rowCount: 10) == nil)
        #expect(Table.visibleRows(in: rect) == 4)
    }

    @Test func tinyRectsNeverCrash() {
        for rect in [Rect.zero, Rect(width: 1, height: 1), Rect(width: 2, height: 1), Rect(width: 1, height: 5), Rect(x: 30, y: 30, width: 5, height: 5)] {
            var grid = Grid(width: 4, height: 4)
            Table.draw(&grid, rect, columns: Self.columns, rows: Self.rows, selected: 0, top: 0, focused: true)
            Table.draw(&grid, rect, columns: [], rows: Self.rows, selected: 9, top: 99, focused: false)
        }
    }
}
