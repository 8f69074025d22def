/// The console's top-level screens.
public enum Screen: String, CaseIterable, Sendable {
    case triage, queue, stats

    public var title: String {
        switch self {
        case .triage: "Triage"
        case .queue: "Escalated"
        case .stats: "Stats"
        }
    }
}

/// The panes of the triage and queue screens, in Tab order.
public enum Pane: String, CaseIterable, Sendable {
    case facets, list, detail
}
