/// The few facts about a report that filters, sorts and counts look at most, kept in a compact array beside the
/// reports so a query over a million of them reads a few bytes each instead of whole reports.
public struct ReportKeys: Sendable, Equatable {
    /// Position of the desk in the desks vocabulary; -1 when unknown.
    public var desk: Int16
    public var status: UInt8
    /// Rank of the level that stands (assessed, or provisional).
    public var level: UInt8
    public var assessed: Bool
    public var received: Double
    /// When the next clock falls due (seconds since 1970); +infinity when none runs.
    public var due: Double
    /// The acts, as bits by their place in the acts vocabulary, so counting them hashes no strings.
    public var acts: UInt64
    /// Whether `acts` holds every act of the report (false for an act the vocabulary lacks, or past the 64th).
    public var actsComplete: Bool

    init(_ report: Report, vocabularies: Vocabularies, clocks: ClockTable) {
        self.init(report, desks: vocabularies.desks, acts: vocabularies[.acts], clocks: clocks)
    }

    /// With the vocabularies already looked up: rebuilding every report's keys looks them up once, not per report.
    init(_ report: Report, desks: Vocabulary, acts vocabulary: Vocabulary, clocks: ClockTable) {
        desk = Int16(desks.position(of: report.desk) ?? -1)
        status = UInt8(Filter.statuses.firstIndex(of: report.status) ?? 0)
        level = UInt8(report.effectiveLevel.rank)
        assessed = report.assessment != nil
        received = report.fields.receivedAt.timeIntervalSince1970
        due = clocks.nextDue(for: report)?.due.timeIntervalSince1970 ?? .infinity
        acts = 0
        actsComplete = true
        for act in report.fields.acts {
            guard let position = vocabulary.position(of: act), position < 64 else {
                actsComplete = false
                continue
            }
            acts |= 1 << UInt64(position)
        }
    }
}
