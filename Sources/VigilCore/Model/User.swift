import Foundation

/// A member of the store's roster.
public struct User: Codable, Sendable, Equatable {
    public var name: String
    public var role: Role
    /// Desk codes an officer covers; empty means every desk.
    public var desks: [String]
    /// The public halves of the user's keys, set by the store when it adds them; nil only in a log made without.
    public var keys: PublicKeys?

    public init(name: String, role: Role, desks: [String] = [], keys: PublicKeys? = nil) {
        self.name = name
        self.role = role
        self.desks = desks
        self.keys = keys
    }

    /// Whether the user's desk scope includes a desk.
    public func covers(desk: String) -> Bool { desks.isEmpty || desks.contains(desk) }
}
