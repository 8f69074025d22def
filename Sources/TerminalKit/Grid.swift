/// A screen's worth of cells that widgets draw into and backends present.
///
/// Writes keep wide characters whole: a wide character that does not fit is replaced by a space, and writing
/// over either half of an existing wide character blanks its other half. Out-of-range reads give `Cell.blank`
/// and out-of-range writes are ignored, so drawing into tiny or empty grids never traps.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let cell = fill.isContinuation || fill.width != 1 ? Cell(" ", role: fill.role) : fill
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at (`x`, `y`).
    ///
    /// Setting places one character like `put`: a wide character also takes the next cell (or becomes a space
    /// at the right edge) and overlapped halves of wide characters are blanked. Setting a continuation cell
    /// directly is ignored; the grid makes those itself.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard !newValue.isContinuation else { return }
            place(newValue.character, x: x, y: y, role: newValue.role, limit: width)
        }
    }

    /// Writes `text` from (`x`, `y`) on one row and returns the number of columns written.
    ///
    /// The text is cleaned by `TextSanitizer` first. Writing stops at the grid's right edge and after
    /// `maxWidth` columns; a wide character that would straddle that limit becomes a space. Columns left of
    /// the grid are skipped (and not counted), so text can scroll in from the left.
    @discardableResult
    public mutating func put(_ text: String, at x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        return write(text, at: x, y: y, role: role, limit: limit).written
    }

    /// Writes one styled line from (`x`, `y`), span after span; returns the columns written.
    @discardableResult
    public mutating func put(_ line: StyledLine, at x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        var column = x
        var written = 0
        for span in line.spans {
            let result = write(span.text, at: column, y: y, role: span.role, limit: limit)
            written += result.written
            column = result.end
            if column >= limit { break }
        }
        return written
    }

    /// The shared writer: returns the columns written and the pen's column afterwards.
    private mutating func write(_ text: String, at x: Int, y: Int, role: Role, limit: Int) -> (written: Int, end: Int) {
        guard y >= 0, y < height else { return (0, x) }
        var column = x
        var written = 0
        for raw in text {
            guard column < limit else { break }
            guard let character = TextSanitizer.clean(raw) else { continue }
            let w = DisplayWidth.of(character)
            if column < 0 {
                // Left of the grid: a wide character cut by the edge leaves its visible half blank.
                if column + w > 0 {
                    written += place(" ", x: 0, y: y, role: role, limit: limit)
                }
                column += w
                continue
            }
            let placed = place(character, x: column, y: y, role: role, limit: limit)
            written += placed
            column += max(placed, w)
        }
        return (written, column)
    }

    /// Fills `rect` (clipped to the grid) with `character` in `role`, blanking wide characters cut at its edges.
    public mutating func fill(_ rect: Rect, role: Role = .normal, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let fillCharacter = DisplayWidth.of(character) == 1 ? character : " "
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                place(fillCharacter, x: x, y: y, role: role, limit: width)
            }
        }
    }

    /// Sets the role of every cell in `rect` without changing characters (for highlighting a drawn row).
    public mutating func setRole(_ role: Role, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].role = role }
            // Keep both halves of a wide character cut by the area's edges in one role.
            if area.x > 0, cells[y * width + area.x].isContinuation { cells[y * width + area.x - 1].role = role }
            if area.maxX < width, cells[y * width + area.maxX].isContinuation { cells[y * width + area.maxX].role = role }
        }
    }

    /// The text of each row: continuation cells omitted (so CJK reads naturally), trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The role of each cell as one `Role.code` letter per column (continuation cells included), one string per row.
    public func roleLines() -> [String] {
        (0..<height).map { y in
            String((0..<width).map { cells[y * width + $0].role.code })
        }
    }

    /// Places one character with wide-character bookkeeping; returns the columns it took (0 when outside).
    @discardableResult
    private mutating func place(_ character: Character, x: Int, y: Int, role: Role, limit: Int) -> Int {
        guard x >= 0, x < min(limit, width), y >= 0, y < height else { return 0 }
        let w = DisplayWidth.of(character)
        guard w > 0 else { return 0 }
        if w == 2, x + 1 >= min(limit, width) {
            // Never half-draw a wide character: a space stands in for it at the clip boundary.
            return place(" ", x: x, y: y, role: role, limit: limit)
        }
        let row = y * width
        releaseWide(at: x, row: row)
        cells[row + x] = Cell(character, role: role)
        if w == 2 {
            releaseWide(at: x + 1, row: row)
            cells[row + x + 1] = .continuation(role: role)
        }
        return w
    }

    /// Blanks the other half of a wide character that column `x` of the row is part of.
    private mutating func releaseWide(at x: Int, row: Int) {
        let cell = cells[row + x]
        if cell.isContinuation {
            if x > 0 { cells[row + x - 1] = Cell(" ", role: cells[row + x - 1].role) }
            cells[row + x] = Cell(" ", role: cell.role)
        } else if x + 1 < width, cells[row + x + 1].isContinuation {
            cells[row + x + 1] = Cell(" ", role: cells[row + x + 1].role)
        }
    }
}
