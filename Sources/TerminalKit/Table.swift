/// A scrolling list with columns, a header row and a selected row.
public enum Table {
    /// Draws `rows[top...]` under a header into `rect`, clearing it first.
    ///
    /// Column widths come from `Layout.distribute` with `spacing` columns between them; every cell is
    /// truncated (with `ellipsis`) and padded by display width, so wide and right-to-left text stays aligned.
    /// The selected row is drawn across the full width in `.selection` (focused) or `.selectionUnfocused`.
    public static func draw(
        _ grid: inout Grid, _ rect: Rect, columns: [TableColumn], rows: [[TableCell]],
        selected: Int?, top: Int, focused: Bool,
        showHeader: Bool = true, spacing: Int = 1, ellipsis: String = "…"
    ) {
        grid.fill(rect, role: .normal)
        guard !rect.isEmpty, !columns.isEmpty else { return }
        let widths = columnWidths(columns, totalWidth: rect.width, spacing: spacing)
        var y = rect.y
        if showHeader {
            let header = columns.map { TableCell($0.title) }
            drawRow(&grid, header, x: rect.x, y: y, width: rect.width, columns: columns, widths: widths,
                    spacing: spacing, rowRole: .header, ellipsis: ellipsis)
            y += 1
        }
        var index = max(0, top)
        while y < rect.maxY, index < rows.count {
            let rowRole: Role? = index == selected ? (focused ? .selection : .selectionUnfocused) : nil
            drawRow(&grid, rows[index], x: rect.x, y: y, width: rect.width, columns: columns, widths: widths,
                    spacing: spacing, rowRole: rowRole, ellipsis: ellipsis)
            y += 1
            index += 1
        }
    }

    /// The widths the columns get in `totalWidth`.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int, spacing: Int = 1) -> [Int] {
        Layout.distribute(totalWidth, columns.map(\.width), spacing: spacing)
    }

    /// How many data rows fit in `rect`.
    public static func visibleRows(in rect: Rect, showHeader: Bool = true) -> Int {
        max(0, rect.height - (showHeader ? 1 : 0))
    }

    /// The first row to show so that `selected` stays visible, moving as little as possible from `currentTop`.
    ///
    /// With `rowCount`, the list also never scrolls past its end (no empty space below the last row).
    public static func scrollTop(selected: Int, currentTop: Int, visibleRows: Int, rowCount: Int? = nil) -> Int {
        guard visibleRows > 0 else { return max(0, selected) }
        var top = max(0, currentTop)
        if selected < top {
            top = selected
        } else if selected >= top + visibleRows {
            top = selected - visibleRows + 1
        }
        if let rowCount { top = min(top, max(0, rowCount - visibleRows)) }
        return max(0, top)
    }

    /// The data row under screen row `y` (for mouse clicks), or nil.
    public static func rowIndex(atY y: Int, in rect: Rect, top: Int, rowCount: Int, showHeader: Bool = true) -> Int? {
        let firstRow = rect.y + (showHeader ? 1 : 0)
        guard y >= firstRow, y < rect.maxY else { return nil }
        let index = max(0, top) + (y - firstRow)
        return index < rowCount ? index : nil
    }

    private static func drawRow(
        _ grid: inout Grid, _ cells: [TableCell], x: Int, y: Int, width: Int,
        columns: [TableColumn], widths: [Int], spacing: Int, rowRole: Role?, ellipsis: String
    ) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), role: rowRole ?? .normal)
        var column = x
        for (index, columnSpec) in columns.enumerated() {
            let cellWidth = widths[index]
            if cellWidth > 0 {
                let cell = index < cells.count ? cells[index] : TableCell("")
                let text = TextLayout.pad(TextSanitizer.clean(cell.text), to: cellWidth, align: columnSpec.align, ellipsis: ellipsis)
                grid.put(text, at: column, y: y, role: rowRole ?? cell.role ?? .normal, maxWidth: cellWidth)
            }
            column += cellWidth + max(0, spacing)
        }
    }
}
