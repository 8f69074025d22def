import VigilCore

/// Work the reducer asks for; the effect runner does it against the store and the terminal, and its results
/// come back as actions.
public enum Effect: Sendable, Equatable {
    /// Append a command as the session's user; success reports `message`.
    case perform(Command, message: String)
    /// Add a user to a sealed store, with keys under their own passphrase.
    case addUser(User, passphrase: String, message: String)
    /// Append several commands at once (a bulk action): all of them or, if one is refused, none.
    case performAll([Command], message: String)
    case loadHistory(id: String)
    /// Say which report this user has open, and learn who else is looking at what.
    case announcePresence(reportID: String?)
    /// Write a field in `$EDITOR` (a private temp file, removed afterwards).
    case editExternally(fieldID: String, text: String)
    case setMouse(Bool)
    case redraw
    /// Check the passphrase typed on the lock screen.
    case unlock(passphrase: String)
    /// Clear the screen and the scrollback, leave the alternate screen, exit now.
    case panic
    case suspend
    case quit
}
