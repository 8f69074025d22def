import Foundation

/// One step of a generated demo: a command, who gives it and when.
public struct Submission: Sendable, Equatable {
    public let command: Command
    public let actor: String
    public let now: Date

    public init(_ command: Command, actor: String, now: Date) {
        self.command = command
        self.actor = actor
        self.now = now
    }
}

/// The demo team: an admin, two supervisors, officers scoped to desks, one unscoped officer and an auditor.
public enum DemoTeam {
    public static let admin = User(name: "admin", role: .admin)
    public static let members: [User] = [
        User(name: "sofia", role: .supervisor),
        User(name: "kwame", role: .supervisor),
        User(name: "amina", role: .officer, desks: ["east_africa", "mena", "southern_africa", "west_central_africa"]),
        User(name: "rahul", role: .officer, desks: ["south_asia", "south_east_asia_pacific", "east_asia"]),
        User(name: "lucia", role: .officer, desks: ["latin_america_caribbean", "north_america"]),
        User(name: "olena", role: .officer, desks: ["europe", "central_asia"]),
        User(name: "noor", role: .officer),
        User(name: "auditor", role: .auditor),
    ]
}
