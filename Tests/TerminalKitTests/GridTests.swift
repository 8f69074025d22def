import Testing
import TerminalKit

@Suite struct GridTests {
    @Test func putWritesAndReportsColumns() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.put("hello", at: 1, y: 0) == 5)
        #expect(grid.lines() == [" hello", ""])
        #expect(grid[1, 0].character == "h")
        #expect(grid[1, 0].role == .normal)
    }

    @Test func putClipsAtEdgeAndMaxWidth() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("abcdefgh", at: 2, y: 0) == 4)
        #expect(grid.lines() == ["  abcd"])
        var limited = Grid(width: 10, height: 1)
        #expect(limited.put("abcdefgh", at: 0, y: 0, maxWidth: 3) == 3)
        #expect(limited.lines() == ["abc"])
    }

    @Test func wideCharacterTakesTwoCells() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("李a", at: 0, y: 0) == 3)
        #expect(grid[0, 0].character == "李")
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].character == "a")
        #expect(grid.lines() == ["李a"])
    }

    @Test func wideCharacterStraddlingTheEdgeBecomesASpace() {
        var grid = Grid(width: 5, height: 1, fill: Cell("x"))
        #expect(grid.put("ab李", at: 2, y: 0) == 3)
        #expect(grid.lines() == ["xxab"])
        #expect(grid[4, 0].character == " ")
        #expect(!grid[4, 0].isContinuation)
    }

    @Test func wideCharacterStraddlingMaxWidthBecomesASpace() {
        var grid = Grid(width: 10, height: 1, fill: Cell("x"))
        #expect(grid.put("李小龙", at: 0, y: 0, maxWidth: 5) == 5)
        #expect(grid.lines() == ["李小 xxxxx"])
        #expect(!grid[4, 0].isContinuation && grid[4, 0].character == " ")
        #expect(grid[5, 0].character == "x")
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("李小龙", at: 0, y: 0)
        // Right half of 李 and left half of 小.
        grid.put("ab", at: 1, y: 0)
        #expect(grid.lines() == [" ab 龙"])
        #expect(grid.cells.map(\.isContinuation) == [false, false, false, false, false, true])
        // Left half of 龙 only.
        grid.put("z", at: 4, y: 0)
        #expect(grid.lines() == [" ab z"])
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func wideOverWideShiftedByOne() {
        var grid = Grid(width: 6, height: 1)
        grid.put("李小龙", at: 0, y: 0)
        grid.put("中", at: 1, y: 0)
        #expect(grid.lines() == [" 中 龙"])
        #expect(grid[1, 0].character == "中")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].character == " " && !grid[3, 0].isContinuation)
    }

    @Test func negativeStartScrollsInFromTheLeft() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.put("abcdef", at: -2, y: 0) == 4)
        #expect(grid.lines() == ["cdef"])
        var wide = Grid(width: 5, height: 1)
        #expect(wide.put("李小", at: -1, y: 0) == 3)
        #expect(wide.lines() == [" 小"])
    }

    @Test func subscriptSetKeepsWideCharactersWhole() {
        var grid = Grid(width: 4, height: 1)
        grid[0, 0] = Cell("李", role: .title)
        #expect(grid[1, 0].isContinuation && grid[1, 0].role == .title)
        grid[1, 0] = Cell("x")
        #expect(grid.lines() == [" x"])
        grid[3, 0] = Cell("中")
        #expect(grid[3, 0].character == " ", "no room for the second half")
        grid[9, 9] = Cell("q")
        #expect(grid[9, 9] == .blank)
    }

    @Test func controlAndBidiCharactersNeverReachCells() {
        var grid = Grid(width: 20, height: 1)
        let written = grid.put("a\u{202E}bc\u{1B}[2J\u{2066}d\te", at: 0, y: 0)
        #expect(grid.lines() == ["abc[2Jd e"])
        #expect(written == 9)
        #expect(grid.cells.allSatisfy { cell in cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x202A...0x202E).contains($0.value) } })
    }

    @Test func linesOmitContinuationAndTrimTrailingSpaces() {
        var grid = Grid(width: 12, height: 3)
        grid.put("👩🏽‍⚖️ 🇨🇴 ❤️", at: 0, y: 0)
        grid.put("محمد", at: 2, y: 1)
        #expect(grid.lines() == ["👩🏽‍⚖️ 🇨🇴 ❤️", "  محمد", ""])
    }

    @Test func roleLinesShowOneLetterPerColumn() {
        var grid = Grid(width: 8, height: 2)
        grid.put("ab", at: 0, y: 0, role: .title)
        grid.put("李", at: 3, y: 0, role: .error)
        grid.fill(Rect(x: 0, y: 1, width: 8, height: 1), role: .selection)
        #expect(grid.roleLines() == ["TT.EE...", "SSSSSSSS"])
        for role in Role.allCases {
            #expect(Role(code: role.code) == role)
        }
        #expect(Set(Role.allCases.map(\.code)).count == Role.allCases.count)
    }

    @Test func fillBlanksWideCharactersCutAtItsEdges() {
        var grid = Grid(width: 6, height: 1)
        grid.put("李小龙", at: 0, y: 0)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .dim)
        #expect(grid.lines() == ["    龙"])
        #expect(grid.roleLines() == [".dd..."])
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func tinyGridsNeverCrash() {
        for (width, height) in [(0, 0), (1, 1), (0, 5), (5, 0), (-3, -3), (1, 2)] {
            var grid = Grid(width: width, height: height)
            grid.put("李小龙 hello 👩🏽‍⚖️", at: 0, y: 0)
            grid.put("x", at: -5, y: -5)
            grid.put("x", at: 100, y: 100, maxWidth: -4)
            grid.fill(Rect(x: -2, y: -2, width: 10, height: 10), role: .selection)
            grid.fill(grid.bounds, role: .normal)
            _ = grid.lines()
            _ = grid.roleLines()
            _ = grid.diff(from: Grid(width: 3, height: 3))
            #expect(grid.width >= 0 && grid.height >= 0)
        }
        var single = Grid(width: 1, height: 1)
        #expect(single.put("李", at: 0, y: 0) == 1)
        #expect(single.lines() == [""])
    }
}
