import Foundation

/// Who escalated a report, when, to whom and why.
public struct Escalation: Codable, Sendable, Equatable {
    public var by: String
    public var at: Date
    public var reason: String
    public var to: String?
}

/// A supervisor's decision on an escalation.
public struct Decision: Codable, Sendable, Equatable {
    /// Approve a response or return the case to triage.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case approve
        case `return`
    }

    public var by: String
    public var at: Date
    public var outcome: Outcome
    public var note: String
}

/// Why and by whom a report was closed.
public struct Closure: Codable, Sendable, Equatable {
    public var by: String
    public var at: Date
    public var reason: String
    public var duplicateOf: String?
}
