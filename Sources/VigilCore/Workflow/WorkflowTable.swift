/// The workflow of DOMAIN.md as one table; every allowed move is a row, everything else is refused.
public enum WorkflowTable {
    private static let desk: Set<Role> = [.officer, .supervisor]
    private static let supervisor: Set<Role> = [.supervisor]
    private static let lowMedium: Set<RiskLevel> = [.low, .medium]
    private static let highCritical: Set<RiskLevel> = [.high, .critical]
    private static let open: Set<Status> = Set(Status.allCases).subtracting([.closed])

    public static let rows: [Transition] = [
        Transition(.take, from: [.new], to: .inTriage, roles: desk),
        Transition(.assign, from: [.new], to: .inTriage, roles: supervisor),
        Transition(.assign, from: open.subtracting([.new]), to: nil, roles: supervisor),
        Transition(.assess, from: [.inTriage, .assessed], to: .assessed, roles: desk),
        Transition(.escalate, from: [.assessed], to: .escalated, roles: desk),
        Transition(.approve, from: [.escalated], to: .responding, roles: supervisor),
        Transition(.return, from: [.escalated], to: .inTriage, roles: supervisor),
        Transition(.respond, from: [.assessed], to: .responding, roles: desk, levels: lowMedium),
        Transition(.monitor, from: [.assessed], to: .monitoring, roles: desk, levels: lowMedium),
        Transition(.monitor, from: [.responding], to: .monitoring, roles: desk),
        Transition(.retriage, from: [.monitoring], to: .inTriage, roles: desk),
        Transition(.close, from: open, to: .closed, roles: desk, levels: lowMedium),
        Transition(.close, from: open, to: .closed, roles: supervisor, levels: highCritical),
        Transition(.reopen, from: [.closed], to: .inTriage, roles: supervisor),
    ]

    /// The row that allows `action` for this role on a report in `status` at `level`, or the refusal, naming the rule.
    public static func check(_ action: WorkflowAction, status: Status, level: RiskLevel, role: Role,
                             reportID: String) -> Result<Transition, WorkflowRefusal> {
        let forAction = rows.filter { $0.action == action }
        let fromStatus = forAction.filter { $0.from.contains(status) }
        guard !fromStatus.isEmpty else {
            let allowed = Status.allCases.filter { status in forAction.contains { $0.from.contains(status) } }
            return .failure(WorkflowRefusal(
                "cannot \(action.verb) \(reportID): it is \(status.label), and \(action.verb) needs a report that is "
                    + allowed.map(\.label).joined(separator: " or ")))
        }
        let atLevel = fromStatus.filter { $0.levels.contains(level) }
        guard !atLevel.isEmpty else {
            let levels = Set(fromStatus.flatMap(\.levels)).sorted().map(\.rawValue)
            return .failure(WorkflowRefusal(
                "cannot \(action.verb) \(reportID): it is \(status.label) at \(level.rawValue) risk, and only "
                    + "\(levels.joined(separator: " or "))-risk reports may \(action.verb) from there; a \(level.rawValue)-risk report must be escalated"))
        }
        if let row = atLevel.first(where: { $0.roles.contains(role) }) { return .success(row) }
        let roles = Role.allCases.filter { role in atLevel.contains { $0.roles.contains(role) } }
        let levelText = level >= .high ? " a \(level.rawValue)-risk report" : " a report"
        return .failure(WorkflowRefusal(
            "only \(roles.map(\.withArticle).joined(separator: " or ")) may \(action.verb)\(levelText) (you are \(role.withArticle))"))
    }
}

/// A move the workflow does not allow, worded to name the rule.
public struct WorkflowRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
