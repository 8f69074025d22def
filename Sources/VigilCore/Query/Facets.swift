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

    public static func count(_ state: DeskState, filter: Filter, context: FilterContext, weeks: Bool = true, acts: Bool = true) -> Facets {
        // Count into arrays indexed by the compact keys, then name the buckets once at the end.
        let desks = state.vocabularies.desks
        let levelNames = RiskLevel.allCases.map(\.rawValue) + [unassessed]
        var deskRisk = [[Int]](repeating: [Int](repeating: 0, count: levelNames.count), count: desks.terms.count + 1)
        var statuses = [Int](repeating: 0, count: Filter.statuses.count)
        // Days counted in an array spanning every report's day (a dictionary would hash once per report).
        let days = weeks ? dayRange(state.keys) : 0..<0
        var dayCounts = [Int](repeating: 0, count: days.count)
        var actCounts = [Int](repeating: 0, count: 64)
        var facets = Facets()
        let now = context.now.timeIntervalSince1970
        for index in state.reports.indices where filter.matches(at: index, in: state, context: context) {
            let keys = state.keys[index]
            facets.total += 1
            if now > keys.due { facets.overdue += 1 }
            let desk = keys.desk >= 0 ? Int(keys.desk) : desks.terms.count
            deskRisk[desk][keys.assessed ? Int(keys.level) : levelNames.count - 1] += 1
            statuses[Int(keys.status)] += 1
            if acts {
                if keys.actsComplete {
                    var bits = keys.acts
                    while bits != 0 {
                        actCounts[bits.trailingZeroBitCount] += 1
                        bits &= bits - 1
                    }
                } else {
                    for act in state.reports[index].fields.acts { facets.byAct[act, default: 0] += 1 }
                }
            }
            if weeks { dayCounts[day(keys.received) - days.lowerBound] += 1 }
        }
        for (position, counts) in deskRisk.enumerated() where counts.contains(where: { $0 > 0 }) {
            let code = position < desks.terms.count ? desks.terms[position].code : ""
            for (level, count) in counts.enumerated() where count > 0 {
                facets.deskRisk[code, default: [:]][levelNames[level]] = count
                facets.byRisk[levelNames[level], default: 0] += count
                facets.byDesk[code, default: 0] += count
            }
        }
        for (position, count) in statuses.enumerated() where count > 0 { facets.byStatus[Filter.statuses[position].rawValue] = count }
        let actTerms = state.vocabularies[.acts].terms
        for (position, count) in actCounts.enumerated() where count > 0 && position < actTerms.count {
            facets.byAct[actTerms[position].code, default: 0] += count
        }
        for (offset, count) in dayCounts.enumerated() where count > 0 {
            facets.byWeek[week(of: Date(timeIntervalSince1970: Double(days.lowerBound + offset) * 86_400)), default: 0] += count
        }
        return facets
    }

    /// Days since 1970 (UTC) of a time in seconds.
    private static func day(_ seconds: Double) -> Int { Int((seconds / 86_400).rounded(.down)) }

    /// The days from the earliest report's to the latest's.
    private static func dayRange(_ keys: [ReportKeys]) -> Range<Int> {
        guard let first = keys.first else { return 0..<0 }
        var low = first.received, high = first.received
        for key in keys {
            low = min(low, key.received)
            high = max(high, key.received)
        }
        return day(low)..<(day(high) + 1)
    }

    /// The Monday of the UTC week containing a date.
    public static func week(of date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday: shift so Monday is 0.
        let monday = days - ((days + 3) % 7 + 7) % 7
        return Timestamp.day(Date(timeIntervalSince1970: Double(monday) * 86_400))
    }
}
