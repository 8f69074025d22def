/// Scrollable styled text.
public enum TextView {
    /// Draws `lines[top...]` into `rect` (cleared first), each shifted left by `left` columns and clipped.
    public static func draw(_ grid: inout Grid, _ rect: Rect, lines: [StyledLine], top: Int = 0, left: Int = 0) {
        grid.fill(rect, role: .normal)
        guard !rect.isEmpty else { return }
        var index = max(0, top)
        var y = rect.y
        while y < rect.maxY, index < lines.count {
            grid.put(lines[index].dropping(columns: left), at: rect.x, y: y, maxWidth: rect.width)
            y += 1
            index += 1
        }
    }

    /// `text` word-wrapped to `width` as lines in one role (see `TextLayout.wrap`).
    public static func wrap(_ text: String, width: Int, role: Role = .normal) -> [StyledLine] {
        TextLayout.wrap(text, width: width).map { StyledLine($0, role: role) }
    }

    /// The largest useful `top` for `lineCount` lines in `visibleRows` rows.
    public static func maxTop(lineCount: Int, visibleRows: Int) -> Int {
        max(0, lineCount - max(0, visibleRows))
    }
}
