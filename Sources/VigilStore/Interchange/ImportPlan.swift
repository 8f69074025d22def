import VigilCore

/// The formats an import reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv
    /// JSON Lines: one object per line.
    case jsonl

    /// The format a file name's extension implies: `.csv`, or `.jsonl` / `.ndjson`; nil for anything else.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { self = .jsonl }
        else { return nil }
    }
}

/// One report ready to be created: `Command.create(values)`.
public struct ImportRow: Sendable, Equatable {
    /// The line the row starts on, for messages about it after the import.
    public let line: Int
    /// Validated, normalised text of the fields the file gave (empty cells left out). `recorded_by` is never
    /// here, and `received_at` only when the file had one: the store fills both in.
    public let values: [ReportField: String]
    /// The partner's id of the report, nil when the row had none (such a row imports again on every run).
    public let externalID: String?

    public init(line: Int, values: [ReportField: String], externalID: String?) {
        self.line = line
        self.values = values
        self.externalID = externalID
    }
}

/// A row left out because its external id was imported before: re-importing a file imports nothing twice.
public struct SkippedDuplicate: Sendable, Equatable {
    public let line: Int
    public let externalID: String
    /// The report the external id was imported as.
    public let existingID: String

    public init(line: Int, externalID: String, existingID: String) {
        self.line = line
        self.externalID = externalID
        self.existingID = existingID
    }
}

/// What importing a file would do, decided before anything is written: the rows to create, every problem found
/// in any row, and the rows skipped as already imported. The caller should refuse the whole file while
/// `problems` is not empty, so a fixed file can be imported again without half of it being there already.
public struct ImportPlan: Sendable, Equatable {
    public var rows: [ImportRow] = []
    /// In file order; each reads `file:line: field: problem`.
    public var problems: [ImportProblem] = []
    public var skippedDuplicates: [SkippedDuplicate] = []

    public init(rows: [ImportRow] = [], problems: [ImportProblem] = [], skippedDuplicates: [SkippedDuplicate] = []) {
        self.rows = rows
        self.problems = problems
        self.skippedDuplicates = skippedDuplicates
    }

    /// Whether the plan can be carried out as a whole.
    public var isClean: Bool { problems.isEmpty }
}
