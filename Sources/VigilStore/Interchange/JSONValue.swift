/// A JSON value as read from an import line. Numbers keep the digits as written, so a partner's numeric id
/// `00123` or `12345678901234567890` reaches the text field it belongs to unchanged; objects keep key order.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    /// The number's literal text, already checked against the JSON grammar.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    /// One key and its value in an object.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// What the value is, for messages like "expected text, found an object".
    public var kindDescription: String {
        switch self {
        case .string: "text"
        case .number(let literal): "the number \(literal)"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
