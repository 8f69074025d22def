/// Whether an event in the log was allowed for its actor's role and desks at that moment: what `vigil verify`
/// checks on top of the hash chain, so a decision claimed by an officer is caught even in a rewritten log.
public enum EventAuthorization {
    /// The rule the event breaks, checked against the state just before it; nil when it was allowed.
    public static func problem(_ event: Event, before state: DeskState) -> String? {
        if state.users.isEmpty {
            if case .userAdded(let user) = event.body, user.role == .admin, user.name == event.actor { return nil }
            return "the first event must add the store's admin, by themselves"
        }
        guard let user = state.user(event.actor) else { return "\(event.actor) was not on the roster" }
        switch event.body {
        case .userRemoved(let name) where name == user.name:
            return "\(name) removed themselves from the roster"
        case .userAdded, .userChanged, .userRemoved, .settingsChanged:
            return user.role == .admin ? nil : "only an admin may change the roster or settings (\(user.name) was \(user.role.withArticle))"
        case .viewSaved(let view):
            if view.owner == nil { return [.supervisor, .admin].contains(user.role) ? nil : "only a supervisor or an admin may save a store-wide view" }
            return view.owner == user.name && user.role != .auditor ? nil : "a personal view saved for someone else"
        case .viewDeleted(_, let owner):
            if owner == nil { return [.supervisor, .admin].contains(user.role) ? nil : "only a supervisor or an admin may delete a store-wide view" }
            return owner == user.name ? nil : "a personal view deleted by someone else"
        case .exportMade(let export):
            if user.role == .auditor { return "an auditor exports nothing" }
            if export.forcedReason != nil && ![.supervisor, .admin].contains(user.role) {
                return "only a supervisor or an admin may export withheld reports"
            }
            return nil
        case .reportCreated:
            return deskRole(user) ? nil : "only an officer or a supervisor may record reports (\(user.name) was \(user.role.withArticle))"
        default:
            break
        }
        guard let id = event.reportID, let report = state.report(id) else { return "the event names no known report" }
        if user.role == .officer && !user.covers(desk: report.desk) {
            return "\(user.name) covered other desks than \(report.desk)"
        }
        if case .fieldRevealed = event.body { return nil }
        guard deskRole(user) else { return "only an officer or a supervisor may change reports (\(user.name) was \(user.role.withArticle))" }
        guard let action = workflowAction(event.body) else { return nil }
        if case .failure(let refusal) = WorkflowTable.check(action, status: report.status, level: report.effectiveLevel,
                                                            role: user.role, reportID: id) {
            return refusal.message
        }
        return nil
    }

    private static func deskRole(_ user: User) -> Bool { user.role == .officer || user.role == .supervisor }

    /// The workflow move an event records, if it is one.
    private static func workflowAction(_ body: EventBody) -> WorkflowAction? {
        switch body {
        case .reportTaken: .take
        case .reportAssigned: .assign
        case .reportAssessed: .assess
        case .reportEscalated: .escalate
        case .reportDecided(let outcome, _): outcome == .approve ? .approve : .return
        case .statusChanged(let to, _):
            switch to {
            case .responding: .respond
            case .monitoring: .monitor
            case .inTriage: .retriage
            default: nil
            }
        case .reportClosed: .close
        case .reportReopened: .reopen
        default: nil
        }
    }
}
