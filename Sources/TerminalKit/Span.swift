/// A run of text drawn in one role.
public struct Span: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the span occupies once drawn.
    public var width: Int { DisplayWidth.of(TextSanitizer.clean(text)) }
}
