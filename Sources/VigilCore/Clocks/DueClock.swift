import Foundation

/// One running clock of a report and when it falls due.
public struct DueClock: Sendable, Equatable {
    /// Which promise the clock keeps.
    public enum Kind: String, Sendable, Codable {
        /// Someone must take the report.
        case acknowledge
        /// The escalation must be decided or a response started.
        case decision
        /// The risk must be assessed again.
        case reassess
    }

    public let kind: Kind
    public let due: Date

    public func isOverdue(at now: Date) -> Bool { now > due }
}

extension ClockTable {
    /// The clocks running on a report, soonest first. Clocks run from receipt (acknowledge, decision) and from the
    /// later of the last assessment and the start of the response (reassess).
    public func clocks(for report: Report) -> [DueClock] {
        let limits = self[report.effectiveLevel]
        let received = report.fields.receivedAt
        var clocks: [DueClock] = []
        switch report.status {
        case .new:
            clocks.append(DueClock(kind: .acknowledge, due: received.addingTimeInterval(limits.acknowledge)))
            clocks.append(DueClock(kind: .decision, due: received.addingTimeInterval(limits.decision)))
        case .inTriage, .assessed, .escalated:
            clocks.append(DueClock(kind: .decision, due: received.addingTimeInterval(limits.decision)))
        case .responding, .monitoring:
            let start = max(report.assessment?.at ?? received, report.respondingSince ?? received)
            clocks.append(DueClock(kind: .reassess, due: start.addingTimeInterval(limits.reassess)))
        case .closed:
            break
        }
        return clocks.sorted { $0.due < $1.due }
    }

    /// The clock that falls due first, if any; computed without building the list, since every query asks.
    public func nextDue(for report: Report) -> DueClock? {
        let limits = self[report.effectiveLevel]
        let received = report.fields.receivedAt
        switch report.status {
        case .new:
            let acknowledge = received.addingTimeInterval(limits.acknowledge)
            let decision = received.addingTimeInterval(limits.decision)
            return decision < acknowledge ? DueClock(kind: .decision, due: decision) : DueClock(kind: .acknowledge, due: acknowledge)
        case .inTriage, .assessed, .escalated:
            return DueClock(kind: .decision, due: received.addingTimeInterval(limits.decision))
        case .responding, .monitoring:
            let start = max(report.assessment?.at ?? received, report.respondingSince ?? received)
            return DueClock(kind: .reassess, due: start.addingTimeInterval(limits.reassess))
        case .closed:
            return nil
        }
    }

    public func isOverdue(_ report: Report, at now: Date) -> Bool {
        nextDue(for: report)?.isOverdue(at: now) ?? false
    }
}
