import Foundation

/// Filter, sort and limit over the in-memory state; every list, queue and count is one of these.
public enum ReportQuery {
    /// One row of a result: the report and its next clock, computed once.
    public struct Row: Sendable {
        public let report: Report
        public let next: DueClock?
        public let overdue: Bool
    }

    public static func run(_ state: DeskState, filter: Filter, sort: SortOrder, limit: Int? = nil,
                           context: FilterContext) -> [Row] {
        var rows: [Row] = []
        for report in state.reports where filter.matches(report, in: context) {
            let next = context.clocks.nextDue(for: report)
            rows.append(Row(report: report, next: next, overdue: next?.isOverdue(at: context.now) ?? false))
        }
        rows.sort { less($0, $1, sort) }
        if let limit, rows.count > limit { rows.removeSubrange(limit...) }
        return rows
    }

    /// The order of two rows: overdue first, then the sort key, then the id for a stable result.
    public static func less(_ a: Row, _ b: Row, _ sort: SortOrder) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        let order = compare(a, b, sort.key)
        if order != 0 { return sort.ascending ? order < 0 : order > 0 }
        return a.report.id < b.report.id
    }

    private static func compare(_ a: Row, _ b: Row, _ key: SortOrder.Key) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch key {
        case .received: return cmp(a.report.fields.receivedAt, b.report.fields.receivedAt)
        case .risk:
            let level = cmp(a.report.effectiveLevel, b.report.effectiveLevel)
            return level != 0 ? level : cmp(a.report.riskScore ?? 0, b.report.riskScore ?? 0)
        case .due: return cmp(a.next?.due ?? .distantFuture, b.next?.due ?? .distantFuture)
        case .id: return cmp(a.report.id, b.report.id)
        case .updated: return cmp(a.report.updatedAt, b.report.updatedAt)
        case .status: return cmp(Status.allCases.firstIndex(of: a.report.status)!, Status.allCases.firstIndex(of: b.report.status)!)
        case .desk: return cmp(a.report.desk, b.report.desk)
        }
    }
}
