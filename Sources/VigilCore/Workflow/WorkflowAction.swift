/// A move in the workflow of DOMAIN.md.
public enum WorkflowAction: String, CaseIterable, Codable, Sendable {
    case take, assign, assess, escalate, approve
    case `return`
    case respond, monitor, retriage, close, reopen

    /// The verb used in messages ("only a supervisor may close ...").
    public var verb: String { rawValue }
}
