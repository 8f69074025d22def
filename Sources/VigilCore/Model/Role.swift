/// What a user may do: officers triage, supervisors decide, admins manage users and settings, auditors read.
public enum Role: String, CaseIterable, Codable, Sendable {
    case officer, supervisor, admin, auditor

    /// The article-bearing name used in refusals ("only a supervisor may ...").
    public var withArticle: String {
        switch self {
        case .officer: "an officer"
        case .supervisor: "a supervisor"
        case .admin: "an admin"
        case .auditor: "an auditor"
        }
    }
}
