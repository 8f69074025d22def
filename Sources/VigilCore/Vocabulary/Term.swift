/// One entry of a controlled vocabulary: a stable snake_case code and a human label.
public struct Term: Codable, Sendable, Hashable {
    public let code: String
    public let label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}
