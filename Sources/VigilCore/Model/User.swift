/// A member of the store's roster.
public struct User: Codable, Sendable, Equatable {
    public var name: String
    public var role: Role
    /// Desk codes an officer covers; empty means every desk.
    public var desks: [String]

    public init(name: String, role: Role, desks: [String] = []) {
        self.name = name
        self.role = role
        self.desks = desks
    }

    /// Whether the user's desk scope includes a desk.
    public func covers(desk: String) -> Bool { desks.isEmpty || desks.contains(desk) }
}
