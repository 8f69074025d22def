import Testing
import TerminalKit

@Suite struct GridDiffTests {
    @Test func identicalGridsHaveNoChanges() {
        var grid = Grid(width: 10, height: 3)
        grid.put("same", at: 0, y: 1)
        #expect(grid.diff(from: grid).isEmpty)
    }

    @Test func reportsRunsPerRow() {
        var old = Grid(width: 10, height: 3)
        old.put("hello", at: 0, y: 0)
        var new = old
        new.put("J", at: 0, y: 0)
        new.put("xy", at: 3, y: 2)
        let changes = new.diff(from: old)
        #expect(changes.map(\.y) == [0, 2])
        #expect(changes.map(\.x) == [0, 3])
        #expect(changes.map(\.width) == [1, 2])
        #expect(changes[1].cells.map(\.character) == ["x", "y"])
    }

    @Test func roleChangesCount() {
        var old = Grid(width: 4, height: 1)
        old.put("abcd", at: 0, y: 0)
        var new = old
        new.setRole(.selection, in: Rect(x: 1, y: 0, width: 2, height: 1))
        let changes = new.diff(from: old)
        #expect(changes == [GridChange(y: 0, x: 1, cells: [Cell("b", role: .selection), Cell("c", role: .selection)])])
    }

    @Test func runsKeepWideCharactersWhole() {
        var old = Grid(width: 8, height: 1)
        old.put("a李b", at: 0, y: 0)
        var new = old
        // Restyling the trailing cell restyles the whole character; the run must start at its leading cell.
        new.setRole(.error, in: Rect(x: 2, y: 0, width: 1, height: 1))
        let changes = new.diff(from: old)
        #expect(changes.count == 1)
        #expect(changes[0].x == 1, "starts at the leading cell, never a continuation")
        #expect(changes[0].width == 2)
        #expect(changes[0].cells[0].character == "李")
    }

    @Test func replacingWideWithNarrowCoversBothOldHalves() {
        var old = Grid(width: 6, height: 1)
        old.put("李小", at: 0, y: 0)
        var new = Grid(width: 6, height: 1)
        new.put(" xy", at: 0, y: 0)
        let changes = new.diff(from: old)
        #expect(changes.count == 1)
        #expect(changes[0].x == 0 && changes[0].width == 4)
        #expect(old.applying(changes) == new)
    }

    @Test func sizeChangeRepaintsEverything() {
        let old = Grid(width: 3, height: 2)
        var new = Grid(width: 4, height: 2)
        new.put("ab", at: 0, y: 0)
        let changes = new.diff(from: old)
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { $0.x == 0 && $0.width == 4 })
    }

    @Test func applyingTheDiffReproducesTheNewGrid() {
        // Deterministic pseudo-random edits with wide, narrow and emoji text.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let words = ["a", "bc", "李", "小龙", "محمد", "👩🏽‍⚖️", "🇨🇴", "❤️", "e\u{301}", "     "]
        let roles = Role.allCases
        var old = Grid(width: 13, height: 5)
        for _ in 0..<300 {
            var new = old
            for _ in 0..<(1 + next(4)) {
                new.put(words[next(words.count)], at: next(14) - 1, y: next(5), role: roles[next(roles.count)])
            }
            let changes = new.diff(from: old)
            #expect(old.applying(changes) == new)
            for change in changes {
                #expect(!change.cells.first!.isContinuation)
                let lastIsWideLead = change.cells.last!.width == 2
                #expect(!lastIsWideLead)
            }
            old = new
        }
    }
}
