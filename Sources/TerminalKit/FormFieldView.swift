/// Labelled input fields for forms and prompts, drawn from a `LineEditor`.
public enum FormFieldView {
    /// Draws a single-line field: the label, then the value on the same row, then `error` (if any) on the next
    /// row in `.error`, aligned under the value. Returns the rows used (1 or 2).
    ///
    /// The value area is drawn in `.input`; when focused, the cursor cell is `.inputCursor` and the value scrolls
    /// horizontally to keep it visible, and the label is drawn in `.focus`. `labelWidth` (default: the label's
    /// width plus one) lines up several fields; `mask` shows every character as that one (passphrases), in
    /// `.masked`.
    @discardableResult
    public static func draw(
        _ grid: inout Grid, _ rect: Rect, label: String, editor: LineEditor, error: String? = nil,
        focused: Bool, labelWidth: Int? = nil, mask: Character? = nil, ellipsis: String = "…"
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        let row = rect.row(0)
        grid.fill(row, role: .normal)
        let cleanLabel = TextSanitizer.clean(label)
        let labelColumns = min(labelWidth ?? (DisplayWidth.of(cleanLabel) + 1), row.width)
        grid.put(TextLayout.truncate(cleanLabel, to: labelColumns, ellipsis: ellipsis), at: row.x, y: row.y,
                 role: focused ? .focus : .prompt, maxWidth: labelColumns)
        let field = row.inset(left: labelColumns)
        drawValue(&grid, field, editor: editor, focused: focused, mask: mask)
        guard let error, rect.height >= 2 else { return 1 }
        let errorRow = rect.row(1).inset(left: field.x - rect.x)
        grid.fill(rect.row(1), role: .normal)
        grid.put(TextLayout.truncate(TextSanitizer.clean(error), to: errorRow.width, ellipsis: ellipsis),
                 at: errorRow.x, y: errorRow.y, role: .error, maxWidth: errorRow.width)
        return 2
    }

    /// Draws a multi-line field: the label on the first row, the word-wrapped value below it, and `error`
    /// (if any) on the last row. The value area scrolls vertically to keep the cursor visible when focused.
    public static func drawMultiline(
        _ grid: inout Grid, _ rect: Rect, label: String, editor: LineEditor, error: String? = nil,
        focused: Bool, ellipsis: String = "…"
    ) {
        grid.fill(rect, role: .normal)
        guard !rect.isEmpty else { return }
        grid.put(TextLayout.truncate(TextSanitizer.clean(label), to: rect.width, ellipsis: ellipsis), at: rect.x, y: rect.y,
                 role: focused ? .focus : .prompt, maxWidth: rect.width)
        var area = rect.inset(top: 1)
        if let error, area.height >= 2 {
            let errorRow = area.row(area.height - 1)
            grid.put(TextLayout.truncate(TextSanitizer.clean(error), to: errorRow.width, ellipsis: ellipsis),
                     at: errorRow.x, y: errorRow.y, role: .error, maxWidth: errorRow.width)
            area = area.inset(bottom: 1)
        }
        guard !area.isEmpty else { return }
        grid.fill(area, role: .input)
        let characters = editor.graphemes
        let lines = TextLayout.wrapRanges(characters, width: area.width)
        let (cursorRow, cursorColumn) = cursorPosition(editor.cursor, lines: lines, characters: characters, width: area.width)
        let top = focused ? max(0, cursorRow - area.height + 1) : 0
        for (offset, range) in lines.dropFirst(top).prefix(area.height).enumerated() {
            grid.put(String(characters[range]), at: area.x, y: area.y + offset, role: .input, maxWidth: area.width)
        }
        if focused, cursorRow - top < area.height {
            // Restyle whatever the wrapped text put at the cursor's cell (a space past the end).
            let x = area.x + cursorColumn
            let y = area.y + cursorRow - top
            grid.setRole(.inputCursor, in: Rect(x: x, y: y, width: max(1, grid[x, y].width), height: 1))
        }
    }

    /// The wrapped row and column of a cursor offset; a cursor past a full row moves to the next row's start.
    static func cursorPosition(_ cursor: Int, lines: [Range<Int>], characters: [Character], width: Int) -> (row: Int, column: Int) {
        guard !lines.isEmpty else { return (0, 0) }
        let row = lines.lastIndex { $0.lowerBound <= cursor } ?? 0
        let range = lines[row]
        let column = DisplayWidth.of(String(characters[range.lowerBound..<min(max(cursor, range.lowerBound), range.upperBound)]))
        return column >= width ? (row + 1, 0) : (row, column)
    }

    private static func drawValue(_ grid: inout Grid, _ field: Rect, editor: LineEditor, focused: Bool, mask: Character?) {
        guard !field.isEmpty else { return }
        grid.fill(field, role: .input)
        let shown: [Character] = mask.map { Array(repeating: $0, count: editor.graphemes.count) } ?? editor.graphemes
        let role: Role = mask == nil ? .input : .masked
        guard focused else {
            grid.put(String(shown), at: field.x, y: field.y, role: role, maxWidth: field.width)
            return
        }
        let cursor = editor.cursor
        let under: Character = cursor < shown.count ? shown[cursor] : " "
        let before = String(shown[..<cursor])
        let after = cursor < shown.count ? String(shown[(cursor + 1)...]) : ""
        let cursorEnd = DisplayWidth.of(before) + max(1, DisplayWidth.of(under))
        let scroll = max(0, cursorEnd - field.width)
        let line = StyledLine([Span(before, role: role), Span(String(under), role: .inputCursor), Span(after, role: role)])
        grid.put(line.dropping(columns: scroll), at: field.x, y: field.y, maxWidth: field.width)
    }
}
