/// One table cell's text and, optionally, its own role (a badge, an overdue clock); a string literal works too.
public struct TableCell: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var text: String
    /// The cell's role on unselected rows; nil means `.normal`. Selected rows use the selection role throughout.
    public var role: Role?

    public init(_ text: String, role: Role? = nil) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
