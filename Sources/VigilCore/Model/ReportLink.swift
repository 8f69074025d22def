/// A link from one report to another; duplicates are linked, never deleted.
public struct ReportLink: Codable, Sendable, Hashable {
    /// What the link says about the two reports.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case duplicateOf = "duplicate_of"
        case related
        /// The reverse side of `duplicate_of`, kept on the report others duplicate.
        case duplicatedBy = "duplicated_by"
    }

    public var kind: Kind
    public var target: String

    public init(kind: Kind, target: String) {
        self.kind = kind
        self.target = target
    }
}
