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
        var weekCounts: [Int: Int] = [:]
        var facets = Facets()
        let now = context.now.timeIntervalSince1970
        for index in state.reports.indices where filter.matches(at: index, in: state, context: context) {
            let keys = state.keys[index]
            facets.total += 1
            if now > keys.due { facets.overdue += 1 }
            let desk = keys.desk >= 0 ? Int(keys.desk) : desks.terms.count
            deskRisk[desk][keys.assessed ? Int(keys.level) : levelNames.count - 1] += 1
            statuses[Int(keys.status)] += 1
            if acts { for act in state.reports[index].fields.acts { facets.byAct[act, default: 0] += 1 } }
            if weeks { weekCounts[Int((keys.received / 86_400).rounded(.down)), default: 0] += 1 }
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
        for (day, count) in weekCounts {
            facets.byWeek[week(of: Date(timeIntervalSince1970: Double(day) * 86_400)), default: 0] += count
        }
        return facets
    }

    /// The Monday of the UTC week containing a date.
    public static func week(of date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday: shift so Monday is 0.
        let monday = days - ((days + 3) % 7 + 7) % 7
        return Timestamp.day(Date(timeIntervalSince1970: Double(monday) * 86_400))
    }
}
