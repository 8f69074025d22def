/// A filter that cannot be parsed, naming the term at fault: "risk: 'hihg' is not a risk level (...)".
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public let term: String
    public let message: String
    /// Offset of the faulty term in the filter text, in characters, for the console to point at.
    public let offset: Int

    public init(term: String, message: String, offset: Int) {
        self.term = term
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
