import Testing
import TerminalKit

@Suite struct RectLayoutTests {
    @Test func sizesClampAtZero() {
        let rect = Rect(x: 2, y: 3, width: -5, height: -1)
        #expect(rect.width == 0 && rect.height == 0 && rect.isEmpty)
        var mutable = Rect(width: 3, height: 3)
        mutable.width -= 10
        #expect(mutable.width == 0)
    }

    @Test func inset() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(rect.inset(by: 3) == Rect(x: 3, y: 3, width: 4, height: 0))
        #expect(Rect(width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(Rect(width: 0, height: 0).inset(by: 2) == Rect(width: 0, height: 0))
        #expect(rect.inset(left: 4) == Rect(x: 4, y: 0, width: 6, height: 4))
    }

    @Test func splits() {
        let rect = Rect(x: 1, y: 1, width: 10, height: 5)
        let (left, right) = rect.splitHorizontally(at: 3)
        #expect(left == Rect(x: 1, y: 1, width: 3, height: 5))
        #expect(right == Rect(x: 4, y: 1, width: 7, height: 5))
        let (top, bottom) = rect.splitVertically(at: 7)
        #expect(top == rect)
        #expect(bottom == Rect(x: 1, y: 6, width: 10, height: 0))
        #expect(rect.splitHorizontally(at: -2).left.width == 0)
    }

    @Test func fixedAndFlexibleColumns() {
        let rect = Rect(width: 30, height: 2)
        let parts = rect.columns([10, .flex(), 5])
        #expect(parts.map(\.width) == [10, 15, 5])
        #expect(parts.map(\.x) == [0, 10, 25])
        let spaced = rect.columns([4, .flex(weight: 1), .flex(weight: 2)], spacing: 1)
        #expect(spaced.map(\.width) == [4, 8, 16])
        #expect(spaced.map(\.x) == [0, 5, 14])
    }

    @Test func flexMinimumsAndShortage() {
        #expect(Layout.distribute(10, [.flex(min: 8), .flex(min: 8)]) == [8, 2])
        #expect(Layout.distribute(5, [10, .flex(min: 2)]) == [5, 0])
        #expect(Layout.distribute(0, [3, .flex(), 4]) == [0, 0, 0])
        #expect(Layout.distribute(-7, [3, .flex()]) == [0, 0])
        #expect(Layout.distribute(10, []) == [])
        #expect(Layout.distribute(10, [.flex(), .flex(), .flex()]) == [4, 3, 3])
        #expect(Layout.distribute(10, [.flex(weight: 0), 2]) == [0, 2])
    }

    @Test func rows() {
        let parts = Rect(x: 0, y: 0, width: 20, height: 10).rows([1, .flex(), 1])
        #expect(parts.map(\.y) == [0, 1, 9])
        #expect(parts.map(\.height) == [1, 8, 1])
        #expect(Rect(width: 3, height: 1).rows([1, .flex(), 1]).map(\.height) == [1, 0, 0])
        #expect(Rect(width: 3, height: 3).rows([1, .flex(), 1]).map(\.height) == [1, 1, 1])
    }

    @Test func centredAndIntersection() {
        let screen = Rect(width: 20, height: 10)
        #expect(screen.centred(width: 10, height: 4) == Rect(x: 5, y: 3, width: 10, height: 4))
        #expect(screen.centred(width: 50, height: 50) == screen)
        #expect(screen.intersection(Rect(x: 15, y: 8, width: 10, height: 10)) == Rect(x: 15, y: 8, width: 5, height: 2))
        #expect(screen.intersection(Rect(x: 30, y: 30, width: 2, height: 2)).isEmpty)
    }
}
