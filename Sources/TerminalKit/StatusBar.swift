/// A one-row bar with left and right segments.
public enum StatusBar {
    /// Draws the bar on the first row of `rect`: `right` flush right, `left` in what remains (truncated first).
    ///
    /// Spans in `.normal` are drawn as `.statusBar`, so plain text needs no role. When the bar reaches the
    /// grid's bottom-right cell, the text stops one column short: backends never write that cell (writing it
    /// scrolls the terminal), and the last character would be lost.
    public static func draw(_ grid: inout Grid, _ rect: Rect, left: StyledLine, right: StyledLine = StyledLine(), ellipsis: String = "…") {
        let bar = rect.row(0).intersection(grid.bounds)
        guard !bar.isEmpty else { return }
        grid.fill(bar, role: .statusBar)
        let touchesCorner = bar.maxX == grid.width && bar.maxY == grid.height
        let row = touchesCorner ? bar.inset(right: 1) : bar
        guard !row.isEmpty else { return }
        let rightLine = barRoles(right.truncated(to: row.width, ellipsis: ellipsis))
        let rightWidth = rightLine.width
        let gap = rightWidth > 0 ? 1 : 0
        let leftLine = barRoles(left.truncated(to: row.width - rightWidth - gap, ellipsis: ellipsis))
        grid.put(leftLine, at: row.x, y: row.y, maxWidth: row.width - rightWidth - gap)
        grid.put(rightLine, at: row.maxX - rightWidth, y: row.y, maxWidth: rightWidth)
    }

    private static func barRoles(_ line: StyledLine) -> StyledLine {
        StyledLine(line.spans.map { Span($0.text, role: $0.role == .normal ? .statusBar : $0.role) })
    }
}
