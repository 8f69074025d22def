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
        // Sort compact keys rather than rows: moving whole reports around costs far more than comparing numbers.
        var keys: [SortKey] = []
        let reports = state.reports
        let now = context.now.timeIntervalSince1970
        for index in reports.indices where filter.matches(at: index, in: state, context: context) {
            let compact = state.keys[index]
            let overdue = now > compact.due
            keys.append(SortKey(overdue: overdue, value: value(index, compact, sort.key, state), index: index))
        }
        let ascending = sort.ascending
        let less: (SortKey, SortKey) -> Bool = { a, b in
            if a.overdue != b.overdue { return a.overdue }
            if a.value != b.value { return ascending ? a.value < b.value : a.value > b.value }
            return a.index < b.index
        }
        if let limit, limit < keys.count {
            keys = Array(keys.sorted(by: less).prefix(limit))
        } else {
            keys.sort(by: less)
        }
        return keys.map { key in
            let report = reports[key.index]
            return Row(report: report, next: context.clocks.nextDue(for: report), overdue: key.overdue)
        }
    }

    private struct SortKey {
        let overdue: Bool
        let value: Double
        /// Position in creation order, which is also id order: the stable tie-break.
        let index: Int
    }

    private static func value(_ index: Int, _ keys: ReportKeys, _ key: SortOrder.Key, _ state: DeskState) -> Double {
        switch key {
        case .received: return keys.received
        case .risk: return Double(keys.level) * 100 + (state.reports[index].riskScore ?? 0)
        case .due: return keys.due
        case .id: return Double(index)
        case .updated: return state.reports[index].updatedAt.timeIntervalSince1970
        case .status: return Double(keys.status)
        case .desk: return Double(keys.desk < 0 ? Int16.max : keys.desk)
        }
    }
}
