import Foundation

/// Counts over a filtered set: desk x risk, by status, by act, overdue, and per week.
public struct Facets: Sendable, Equatable {
    /// Risk column used for counts: an assessed level, or "unassessed".
    public static let unassessed = "unassessed"

    public var total = 0
    public var overdue = 0
    /// desk code -> risk level (or "unassessed") -> count
    public var deskRisk: [String: [String: Int]] = [:]
    public var byDesk: [String: Int] = [:]
    public var byRisk: [String: Int] = [:]
    public var byStatus: [String: Int] = [:]
    public var byAct: [String: Int] = [:]
    /// Monday (UTC, `YYYY-MM-DD`) of the week received -> count.
    public var byWeek: [String: Int] = [:]

    public init() {}

    public static func count(_ state: DeskState, filter: Filter, context: FilterContext, weeks: Bool = true) -> Facets {
        var facets = Facets()
        for report in state.reports where filter.matches(report, in: context) {
            facets.add(report, context: context, weeks: weeks)
        }
        return facets
    }

    public mutating func add(_ report: Report, context: FilterContext, weeks: Bool = true) {
        total += 1
        if context.clocks.isOverdue(report, at: context.now) { overdue += 1 }
        let risk = report.riskLevel?.rawValue ?? Facets.unassessed
        deskRisk[report.desk, default: [:]][risk, default: 0] += 1
        byDesk[report.desk, default: 0] += 1
        byRisk[risk, default: 0] += 1
        byStatus[report.status.rawValue, default: 0] += 1
        for act in report.fields.acts { byAct[act, default: 0] += 1 }
        if weeks { byWeek[Facets.week(of: report.fields.receivedAt), default: 0] += 1 }
    }

    /// The Monday of the UTC week containing a date.
    public static func week(of date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday: shift so Monday is 0.
        let monday = days - ((days + 3) % 7 + 7) % 7
        return Timestamp.day(Date(timeIntervalSince1970: Double(monday) * 86_400))
    }
}
