/// A rectangle of cells; width and height are clamped at 0 so layouts never go negative.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int { didSet { width = max(0, width) } }
    public var height: Int { didSet { height = max(0, height) } }

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(width: 0, height: 0)

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells.
    public var area: Int { width * height }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    /// True when the cell at (`x`, `y`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty, positioned inside `self`, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given amounts; sizes clamp at 0.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let dx = min(max(0, left), width)
        let dy = min(max(0, top), height)
        return Rect(x: x + dx, y: y + dy, width: width - dx - max(0, right), height: height - dy - max(0, bottom))
    }

    /// Side by side: `left` gets the first `offset` columns (clamped), `right` the rest.
    public func splitHorizontally(at offset: Int) -> (left: Rect, right: Rect) {
        let leftWidth = min(max(0, offset), width)
        return (
            Rect(x: x, y: y, width: leftWidth, height: height),
            Rect(x: x + leftWidth, y: y, width: width - leftWidth, height: height)
        )
    }

    /// Stacked: `top` gets the first `offset` rows (clamped), `bottom` the rest.
    public func splitVertically(at offset: Int) -> (top: Rect, bottom: Rect) {
        let topHeight = min(max(0, offset), height)
        return (
            Rect(x: x, y: y, width: width, height: topHeight),
            Rect(x: x, y: y + topHeight, width: width, height: height - topHeight)
        )
    }

    /// Columns from left to right sized by `sizes`, with `spacing` empty columns between them.
    ///
    /// `rect.columns([10, .flex(), 6])` gives a 10-wide, a flexible and a 6-wide column.
    public func columns(_ sizes: [Length], spacing: Int = 0) -> [Rect] {
        var left = x
        return Layout.distribute(width, sizes, spacing: spacing).map { size in
            defer { left += size + max(0, spacing) }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }

    /// Rows from top to bottom sized by `sizes`, with `spacing` empty rows between them.
    public func rows(_ sizes: [Length], spacing: Int = 0) -> [Rect] {
        var top = y
        return Layout.distribute(height, sizes, spacing: spacing).map { size in
            defer { top += size + max(0, spacing) }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }

    /// The row at `offset` from the top (empty when outside).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: y + max(0, offset), width: width, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// A rectangle of the given size centred in this one, clamped to fit.
    public func centred(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
