/// A bordered box with an optional title.
public enum Box {
    /// Draws the border of `rect` and returns the rectangle inside it (empty when `rect` is under 2x2).
    ///
    /// The focused box draws its border and title in `.focus` and brackets the title (`┌[ Queue ]──┐`), so
    /// focus shows without colour. The inside is left untouched.
    @discardableResult
    public static func draw(
        _ grid: inout Grid, _ rect: Rect, title: String? = nil, focused: Bool = false, border: BorderStyle = .unicode
    ) -> Rect {
        let inner = rect.inset(by: 1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let role: Role = focused ? .focus : .border
        let horizontal = String(repeating: String(border.horizontal), count: rect.width - 2)
        grid.put(String(border.topLeft) + horizontal + String(border.topRight), at: rect.x, y: rect.y, role: role)
        grid.put(String(border.bottomLeft) + horizontal + String(border.bottomRight), at: rect.x, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put(String(border.vertical), at: rect.x, y: y, role: role)
            grid.put(String(border.vertical), at: rect.maxX - 1, y: y, role: role)
        }
        if let title, !title.isEmpty, rect.width >= 5 {
            let (open, close) = focused ? ("[ ", " ]") : (" ", " ")
            let room = rect.width - 2 - DisplayWidth.of(open) - DisplayWidth.of(close)
            let text = TextLayout.truncate(TextSanitizer.clean(title), to: room, ellipsis: border.ellipsis)
            guard !text.isEmpty else { return inner }
            var x = rect.x + 1
            x += grid.put(open, at: x, y: rect.y, role: role)
            x += grid.put(text, at: x, y: rect.y, role: focused ? .focus : .title)
            grid.put(close, at: x, y: rect.y, role: role)
        }
        return inner
    }
}
