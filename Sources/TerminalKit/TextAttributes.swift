/// How a role looks: colours (nil means the terminal default) and text attributes.
public struct TextAttributes: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: Color? = nil, background: Color? = nil,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// No colour, no attributes.
    public static let plain = TextAttributes()

    /// True when a colour other than the terminal default is set.
    public var usesColour: Bool {
        (foreground ?? .default) != .default || (background ?? .default) != .default
    }

    /// The same attributes with colours removed (what a terminal without colour can show).
    public var withoutColour: TextAttributes {
        TextAttributes(bold: bold, underline: underline, reverse: reverse, dim: dim)
    }
}
