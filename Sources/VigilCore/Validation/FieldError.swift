/// A problem with one field, worded for the person who typed it: "country: 'XX' is not an ISO 3166-1 code".
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// One or more field problems, refused as a whole.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
