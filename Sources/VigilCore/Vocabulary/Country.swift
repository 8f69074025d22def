/// An ISO 3166-1 country with its default desk.
public struct Country: Codable, Sendable, Hashable {
    public let code: String
    public let name: String
    public let defaultDesk: String

    public init(code: String, name: String, defaultDesk: String) {
        self.code = code
        self.name = name
        self.defaultDesk = defaultDesk
    }
}
