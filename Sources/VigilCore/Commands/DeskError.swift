/// Why a command was refused. Every case is worded for the person who asked.
public enum DeskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user is not on the store's roster.
    case notOnRoster(String)
    /// The user's role or desk scope does not allow it, or the workflow forbids the move.
    case refused(String)
    /// Field values are invalid.
    case invalid(ValidationFailure)
    /// No such report.
    case notFound(String)
    /// Someone else changed the report first.
    case conflict(String)

    public var description: String {
        switch self {
        case .notOnRoster(let user): "user '\(user)' is not on this store's roster; an admin can add them with `vigil user add`"
        case .refused(let message): message
        case .invalid(let failure): failure.description
        case .notFound(let id): "no report \(id)"
        case .conflict(let message): message
        }
    }
}
