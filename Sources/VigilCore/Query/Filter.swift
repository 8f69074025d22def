import Foundation

/// A parsed filter: clauses joined by AND; within a clause, comma-separated values are OR; `!` negates a clause.
/// Example: `desk:"South Asia" risk:high+ status:!closed assignee:me act:death_threat since:2026-01-01 land grab`.
public struct Filter: Sendable {
    /// One key's condition.
    enum Condition: Sendable {
        case desk(Set<String>, mask: UInt64)
        case country(Set<String>)
        case risk(Set<RiskLevel>, unassessed: Bool)
        case status(Set<Status>)
        case assignee(Set<String>, none: Bool, me: Bool)
        case codes(ReportField, Set<String>)
        case single(ReportField, Set<String>)
        case since(Date)
        case until(Date)
        case overdue(Bool)
        case ids(Set<String>)
        case escalatedTo(Set<String>, me: Bool)
        case recordedBy(Set<String>, me: Bool)
        case externalID(Set<String>)
        case mentions(Set<String>, me: Bool)
        /// Any of several filters (used for queues such as "assigned to me or mentioning me").
        case anyOf([Filter])
        case text(String)
    }

    struct Clause: Sendable {
        let condition: Condition
        let negated: Bool
    }

    /// The filter as typed, shown in the status bar.
    public let text: String
    let clauses: [Clause]

    static let statuses = Status.allCases
    static let levels = RiskLevel.allCases

    /// The filter that matches everything.
    public static let all = Filter(text: "", clauses: [])

    public var isEmpty: Bool { clauses.isEmpty }

    /// A filter matching what any of `filters` matches, shown as `text`.
    public static func any(of filters: [Filter], text: String) -> Filter {
        Filter(text: text, clauses: [Clause(condition: .anyOf(filters), negated: false)])
    }

    /// This filter and another, shown as `text`.
    public func and(_ other: Filter, text: String) -> Filter {
        Filter(text: text, clauses: clauses + other.clauses)
    }

    /// Whether the filter has a free-text part, which is the only costly kind of clause.
    public var searchesText: Bool {
        clauses.contains { if case .text = $0.condition { true } else { false } }
    }

    public func matches(_ report: Report, in context: FilterContext) -> Bool {
        for clause in clauses where clause.negated == holds(clause.condition, report, context) {
            return false
        }
        return true
    }

    /// Matches the report at `index` of `state`, deciding from its compact keys when the clause allows.
    public func matches(at index: Int, in state: DeskState, context: FilterContext) -> Bool {
        let keys = state.keys[index]
        for clause in clauses {
            let holds = quickly(clause.condition, keys, context) ?? holds(clause.condition, state.reports[index], context)
            if holds == clause.negated { return false }
        }
        return true
    }

    /// The clause's answer from the keys alone, or nil when it needs the report itself.
    private func quickly(_ condition: Condition, _ keys: ReportKeys, _ context: FilterContext) -> Bool? {
        switch condition {
        case .desk(_, let mask): return keys.desk >= 0 && keys.desk < 64 && mask & (1 << UInt64(keys.desk)) != 0
        case .status(let statuses):
            return statuses.contains(Filter.statuses[Int(keys.status)])
        case .risk(let levels, let unassessed):
            if !keys.assessed && unassessed { return true }
            return levels.contains(Filter.levels[Int(keys.level)])
        case .since(let date): return keys.received >= date.timeIntervalSince1970
        case .until(let date): return keys.received < date.timeIntervalSince1970
        case .overdue(let wanted): return (context.now.timeIntervalSince1970 > keys.due) == wanted
        default: return nil
        }
    }

    private func holds(_ condition: Condition, _ report: Report, _ context: FilterContext) -> Bool {
        switch condition {
        case .desk(let desks, _): return desks.contains(report.desk)
        case .country(let codes): return codes.contains(report.fields.country)
        case .risk(let levels, let unassessed):
            // Before assessment a report stands at its provisional level (high for grave acts), so an unread
            // death threat is not hidden from a `risk:high+` queue.
            guard let level = report.riskLevel else { return unassessed || levels.contains(report.effectiveLevel) }
            return levels.contains(level)
        case .status(let statuses): return statuses.contains(report.status)
        case .assignee(let names, let none, let me):
            guard let assignee = report.assignee else { return none }
            return names.contains(assignee) || (me && assignee == context.me)
        case .codes(let field, let codes):
            let values = field == .acts ? report.fields.acts : field == .sectors ? report.fields.sectors : report.fields.perpetrators
            return values.contains(where: codes.contains)
        case .single(let field, let codes): return codes.contains(report.fields.text(field))
        case .since(let date): return report.fields.receivedAt >= date
        case .until(let date): return report.fields.receivedAt < date
        case .overdue(let wanted): return context.clocks.isOverdue(report, at: context.now) == wanted
        case .ids(let ids): return ids.contains(report.id)
        case .escalatedTo(let names, let me):
            guard let to = report.escalation?.to else { return false }
            return names.contains(to) || (me && to == context.me)
        case .recordedBy(let names, let me):
            return names.contains(report.fields.recordedBy) || (me && report.fields.recordedBy == context.me)
        case .externalID(let ids): return ids.contains(report.fields.externalID)
        case .anyOf(let filters): return filters.contains { $0.matches(report, in: context) }
        case .mentions(let names, let me):
            // Only comments with an `@` byte are parsed: a byte scan costs nothing next to building strings and
            // sets for every comment of every report, which dominated the Mine queue's count.
            return report.comments.contains { comment in
                guard comment.text.utf8.contains(UInt8(ascii: "@")) else { return false }
                let found = Mentions.names(in: comment.text)
                return (me && found.contains(context.me)) || !found.isDisjoint(with: names)
            }
        case .text(let folded): return FilterText.contains(report, folded)
        }
    }
}

/// Free-text search over title, narrative and pseudonym, case- and accent-insensitive.
enum FilterText {
    static func contains(_ report: Report, _ folded: String) -> Bool {
        for text in [report.fields.title, report.fields.defenderPseudonym, report.fields.narrative]
        where TextFold.fold(text).contains(folded) {
            return true
        }
        return false
    }
}
