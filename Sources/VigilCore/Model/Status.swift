/// Where a report stands in the desk's workflow.
public enum Status: String, CaseIterable, Codable, Sendable {
    case new
    case inTriage = "in_triage"
    case assessed, escalated, responding, monitoring, closed

    public var label: String {
        switch self {
        case .new: "new"
        case .inTriage: "in triage"
        case .assessed: "assessed"
        case .escalated: "escalated"
        case .responding: "responding"
        case .monitoring: "monitoring"
        case .closed: "closed"
        }
    }
}
