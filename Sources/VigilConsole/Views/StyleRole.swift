import TerminalKit

/// TerminalKit's style role; VigilCore also has a `Role` (a user's), so the console names this one apart.
typealias StyleRole = TerminalKit.Role
