/// One row of the workflow table: who may make a move from which statuses, at which levels, and where it leads.
public struct Transition: Sendable {
    public let action: WorkflowAction
    public let from: Set<Status>
    /// The status after the move; nil keeps the current one.
    public let to: Status?
    public let roles: Set<Role>
    /// The risk levels the row applies to (the assessed level, or the provisional one before assessment).
    public let levels: Set<RiskLevel>

    public init(_ action: WorkflowAction, from: Set<Status>, to: Status?, roles: Set<Role>,
                levels: Set<RiskLevel> = Set(RiskLevel.allCases)) {
        self.action = action
        self.from = from
        self.to = to
        self.roles = roles
        self.levels = levels
    }
}
