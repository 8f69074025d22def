import VigilCore

/// Which form is open, and on which report.
public enum FormKind: Sendable, Equatable {
    case intake
    case edit(String)
    case assess(String)
    case escalate(String)
    case decide(String, Decision.Outcome)
    case close(String)
    case comment(String)
    case assign(String)
    case duplicates(String)
    case label(String)
    /// Pick a saved view to show.
    case views
    case reveal(String)
    /// Add a user to the roster, or change one's role and desks (admins).
    case user(adding: Bool)
    case linkDuplicate(String)

    public var reportID: String? {
        switch self {
        case .intake, .views, .user: nil
        case .edit(let id), .assess(let id), .escalate(let id), .decide(let id, _), .close(let id), .comment(let id), .assign(let id), .duplicates(let id), .label(let id), .linkDuplicate(let id), .reveal(let id): id
        }
    }

    public var title: String {
        switch self {
        case .intake: "New report"
        case .views: "Saved views"
        case .user(let adding): adding ? "Add a user" : "Change a user"
        case .reveal(let id): "Reveal a masked field of \(id)"
        case .edit(let id): "Edit \(id)"
        case .assess(let id): "Assess risk: \(id)"
        case .escalate(let id): "Escalate \(id)"
        case .decide(let id, .approve): "Approve a response: \(id)"
        case .decide(let id, .return): "Return to triage: \(id)"
        case .close(let id): "Close \(id)"
        case .comment(let id): "Comment on \(id)"
        case .assign(let id): "Assign \(id)"
        case .duplicates(let id): "Suggested duplicates of \(id)"
        case .label(let id): "Sharing label of \(id)"
        case .linkDuplicate(let id): "Link \(id) as a duplicate"
        }
    }
}
