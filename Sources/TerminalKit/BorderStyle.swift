/// The characters boxes and separators are drawn with; pick `.ascii` when the locale is not UTF-8.
public struct BorderStyle: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// ├ : a vertical line with a branch to the right.
    public var teeRight: Character
    /// ┤ : a vertical line with a branch to the left.
    public var teeLeft: Character
    /// ┬ : a horizontal line with a branch down.
    public var teeDown: Character
    /// ┴ : a horizontal line with a branch up.
    public var teeUp: Character
    /// True for the Unicode set (so other widgets may use block characters and "…").
    public var isUnicode: Bool

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, teeRight: Character, teeLeft: Character,
        teeDown: Character, teeUp: Character, isUnicode: Bool
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.teeDown = teeDown
        self.teeUp = teeUp
        self.isUnicode = isUnicode
    }

    /// Light box-drawing lines: ─│┌┐└┘├┤┬┴.
    public static let unicode = BorderStyle(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", isUnicode: true
    )

    /// Plain ASCII: - | and + for every corner and junction.
    public static let ascii = BorderStyle(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", isUnicode: false
    )

    /// The ellipsis that suits this style: "…" for Unicode, "~" for ASCII.
    public var ellipsis: String { isUnicode ? "…" : "~" }
}
