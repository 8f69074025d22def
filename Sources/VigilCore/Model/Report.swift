import Foundation

/// A threat report as the fold of its events: content, desk, workflow state, assessment, comments and links.
public struct Report: Codable, Sendable, Equatable, Identifiable {
    /// Short, human-friendly id, e.g. `R-2026-00042`.
    public let id: String
    public var fields: ReportFields
    /// The desk the report belongs to: the override if set, else the country's desk in the store's map.
    public var desk: String
    public var status: Status
    public var assignee: String?
    public var assessment: RiskAssessment?
    public var escalation: Escalation?
    public var decision: Decision?
    public var closure: Closure?
    public var links: [ReportLink]
    public var comments: [Comment]
    /// Reports an officer decided are not duplicates of this one, so they are no longer suggested.
    public var dismissedDuplicates: [String] = []
    public var createdAt: Date
    public var updatedAt: Date
    public var takenAt: Date?
    /// When the report last entered responding or monitoring; the reassessment clock starts from the later of this
    /// and the last assessment.
    public var respondingSince: Date?
    /// Seq of the last event that changed this report; forms compare it to detect concurrent edits.
    public var version: Int64

    public init(id: String, fields: ReportFields, desk: String, createdAt: Date, seq: Int64) {
        self.id = id
        self.fields = fields
        self.desk = desk
        self.status = .new
        self.assignee = nil
        self.links = []
        self.comments = []
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = seq
    }

    /// The level that stands: assessed, or provisional (act floors, at least medium) before assessment.
    public var effectiveLevel: RiskLevel { assessment?.level ?? RiskModel.provisionalLevel(fields: fields) }

    /// The assessed level, nil before assessment.
    public var riskLevel: RiskLevel? { assessment?.level }

    public var riskScore: Double? { assessment?.score }

    /// The first act recorded, shown in the list.
    public var mainAct: String { fields.acts.first ?? "" }

    public var isClosed: Bool { status == .closed }

    public var duplicateOf: String? { links.first { $0.kind == .duplicateOf }?.target }
}
