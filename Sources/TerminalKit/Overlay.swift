/// A centred, bordered box drawn over whatever is beneath (dialogs, help, prompts).
public enum Overlay {
    /// Clears a `width` x `height` box centred in `area` (the whole grid by default), clamped to fit, draws its
    /// border and title (focused), and returns the inner rectangle.
    @discardableResult
    public static func draw(
        _ grid: inout Grid, width: Int, height: Int, title: String? = nil,
        border: BorderStyle = .unicode, in area: Rect? = nil
    ) -> Rect {
        let frame = (area ?? grid.bounds).centred(width: width, height: height)
        grid.fill(frame, role: .normal)
        return Box.draw(&grid, frame, title: title, focused: true, border: border)
    }
}
