import Foundation
import Testing
import VigilCore

@Suite struct ClockTests {
    private let table = Vocabularies.standard.defaultClocks
    private let received = fixedNow.addingTimeInterval(-2 * hour)

    /// A report built directly, at a status and (optionally) an assessed level.
    private func report(_ status: Status, level: RiskLevel? = nil, acts: String = "threat",
                        assessedAt: Date? = nil, respondingSince: Date? = nil) throws -> Report {
        let fields = try validFields([.acts: acts, .receivedAt: Timestamp.format(received)])
        var report = Report(id: "R-2026-00001", fields: fields, desk: "south_asia", createdAt: received, seq: 1)
        report.status = status
        if let level {
            report.assessment = RiskModel.assess(fields: fields, input: .at(level), by: "olga", at: assessedAt ?? received)
        }
        report.respondingSince = respondingSince
        return report
    }

    @Test(arguments: [
        (RiskLevel.critical, 1 * hour, 24 * hour, 7 * day),
        (.high, 4 * hour, 72 * hour, 30 * day),
        (.medium, 24 * hour, 7 * day, 90 * day),
        (.low, 72 * hour, 14 * day, 365 * day),
    ])
    func defaultTableIsTheDomainTable(level: RiskLevel, acknowledge: TimeInterval, decision: TimeInterval,
                                      reassess: TimeInterval) {
        #expect(table[level] == ClockTable.Limits(acknowledge: acknowledge, decision: decision, reassess: reassess))
    }

    @Test func newReportsRunAcknowledgeAndDecisionAtTheProvisionalLevel() throws {
        let medium = try report(.new)
        #expect(medium.effectiveLevel == .medium)
        #expect(table.dues(for: medium) == [
            Due(kind: .acknowledge, due: received.addingTimeInterval(24 * hour)),
            Due(kind: .decision, due: received.addingTimeInterval(7 * day)),
        ])
        let grave = try report(.new, acts: "threat;death_threat")
        #expect(grave.effectiveLevel == .high)
        #expect(table.dues(for: grave) == [
            Due(kind: .acknowledge, due: received.addingTimeInterval(4 * hour)),
            Due(kind: .decision, due: received.addingTimeInterval(72 * hour)),
        ])
    }

    @Test(arguments: [Status.inTriage, .assessed, .escalated], RiskLevel.allCases)
    func decisionClockRunsUntilAResponseStarts(status: Status, level: RiskLevel) throws {
        let report = try report(status, level: level)
        #expect(table.dues(for: report) == [Due(kind: .decision, due: received.addingTimeInterval(table[level].decision))])
    }

    @Test func inTriageBeforeAssessmentUsesTheProvisionalLevel() throws {
        #expect(table.dues(for: try report(.inTriage)) == [Due(kind: .decision, due: received.addingTimeInterval(7 * day))])
        #expect(table.dues(for: try report(.inTriage, acts: "killing"))
            == [Due(kind: .decision, due: received.addingTimeInterval(72 * hour))])
    }

    @Test(arguments: [Status.responding, .monitoring], RiskLevel.allCases)
    func reassessClockRunsFromTheLaterOfAssessmentAndResponse(status: Status, level: RiskLevel) throws {
        let assessedAt = received.addingTimeInterval(hour)
        let started = received.addingTimeInterval(3 * hour)
        let responding = try report(status, level: level, assessedAt: assessedAt, respondingSince: started)
        #expect(table.dues(for: responding) == [Due(kind: .reassess, due: started.addingTimeInterval(table[level].reassess))])
        let reassessedLater = try report(status, level: level, assessedAt: started.addingTimeInterval(day),
                                         respondingSince: started)
        #expect(table.dues(for: reassessedLater)
            == [Due(kind: .reassess, due: started.addingTimeInterval(day + table[level].reassess))])
    }

    @Test func reassessWithoutResponseStartRunsFromAssessment() throws {
        let assessedAt = received.addingTimeInterval(hour)
        let report = try report(.monitoring, level: .low, assessedAt: assessedAt)
        #expect(table.dues(for: report) == [Due(kind: .reassess, due: assessedAt.addingTimeInterval(365 * day))])
    }

    @Test func closedReportsRunNoClock() throws {
        let report = try report(.closed, level: .critical)
        #expect(table.dues(for: report).isEmpty)
        #expect(table.nextDue(for: report) == nil)
        #expect(!table.isOverdue(report, at: .distantFuture))
    }

    @Test func overdueIsStrictlyAfterTheDueTime() throws {
        let report = try report(.new, acts: "death_threat")
        let due = received.addingTimeInterval(4 * hour)
        #expect(table.nextDue(for: report).map(Due.init) == Due(kind: .acknowledge, due: due))
        #expect(!table.isOverdue(report, at: due))
        #expect(table.isOverdue(report, at: due.addingTimeInterval(1)))
        let clock = try #require(table.nextDue(for: report))
        #expect(!clock.isOverdue(at: due))
        #expect(clock.isOverdue(at: due.addingTimeInterval(0.001)))
    }

    @Test func workflowMovesChangeTheRunningClock() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "death_threat"], at: fixedNow)
        var clocks = desk.state.clocks.dues(for: try desk.report(id))
        #expect(clocks.map(\.kind) == [.acknowledge, .decision])
        #expect(clocks.first?.due == fixedNow.addingTimeInterval(4 * hour))
        try desk.run(.take(id: id), as: "olga", at: fixedNow.addingTimeInterval(hour))
        clocks = desk.state.clocks.dues(for: try desk.report(id))
        #expect(clocks == [Due(kind: .decision, due: fixedNow.addingTimeInterval(72 * hour))])
        try desk.run(.assess(id: id, .critical), as: "olga", at: fixedNow.addingTimeInterval(2 * hour))
        clocks = desk.state.clocks.dues(for: try desk.report(id))
        #expect(clocks == [Due(kind: .decision, due: fixedNow.addingTimeInterval(24 * hour))])
        try desk.run(.escalate(id: id, reason: "imminent", to: nil), as: "olga", at: fixedNow.addingTimeInterval(3 * hour))
        try desk.run(.decide(id: id, outcome: .approve, note: "relocate"), as: "sara", at: fixedNow.addingTimeInterval(5 * hour))
        clocks = desk.state.clocks.dues(for: try desk.report(id))
        #expect(clocks == [Due(kind: .reassess, due: fixedNow.addingTimeInterval(5 * hour + 7 * day))])
    }

    @Test func storeClocksComeFromSettings() throws {
        var desk = try TestDesk.staffed()
        var custom = desk.state.clocks
        custom.limits[.medium] = .init(acknowledge: 2 * hour, decision: 2 * day, reassess: 30 * day)
        try desk.run(.changeSettings(.init(clocks: custom)), as: "admin")
        let id = try desk.create(at: fixedNow)
        #expect(desk.state.clocks.nextDue(for: try desk.report(id)).map(Due.init) == Due(kind: .acknowledge, due: fixedNow.addingTimeInterval(2 * hour)))
    }

    @Test func missingLevelFallsBackToTheTightestClock() {
        let empty = ClockTable(limits: [:])
        #expect(empty[.low] == ClockTable.Limits(acknowledge: hour, decision: day, reassess: 7 * day))
    }

    // MARK: parsing

    @Test(arguments: [("30m", 1800.0), ("4h", 14_400.0), ("7d", 604_800.0), ("1.5h", 5400.0), ("365d", 31_536_000.0)])
    func durations(text: String, seconds: TimeInterval) {
        #expect(ClockTable.Duration.parse(text) == seconds)
    }

    @Test(arguments: ["", "h", "4", "4x", "0h", "-1d", "4 h", "four h", "4H"])
    func badDurations(text: String) {
        #expect(ClockTable.Duration.parse(text) == nil)
    }

    @Test(arguments: [(604_800.0, "7d"), (86_400.0, "1d"), (14_400.0, "4h"), (1800.0, "30m"), (90 * day, "90d")])
    func durationFormat(seconds: TimeInterval, text: String) {
        #expect(ClockTable.Duration.format(seconds) == text)
        #expect(ClockTable.Duration.parse(text) == seconds)
    }

    @Test func parseTable() throws {
        let text = "# level\tack\tdecision\treassess\n\ncritical\t30m\t12h\t3d\nhigh\t2h\t2d\t14d\r\nmedium\t1d\t5d\t60d\nlow\t2d\t10d\t180d\n"
        let table = try ClockTable.parse(text, file: "clocks.tsv")
        #expect(table[.critical] == ClockTable.Limits(acknowledge: 1800, decision: 12 * hour, reassess: 3 * day))
        #expect(table[.high] == ClockTable.Limits(acknowledge: 2 * hour, decision: 2 * day, reassess: 14 * day))
        #expect(table[.low].reassess == 180 * day)
    }

    private func parseError(_ text: String) -> String? {
        do {
            _ = try ClockTable.parse(text, file: "clocks.tsv")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func parseErrorsNameFileAndLine() {
        let rows = ["critical\t1h\t24h\t7d", "high\t4h\t72h\t30d", "medium\t24h\t7d\t90d", "low\t72h\t14d\t365d"]
        #expect(parseError(rows.joined(separator: "\n")) == nil)
        #expect(parseError((rows + ["extreme\t1m\t1h\t1d"]).joined(separator: "\n"))
            == "clocks.tsv:5: unknown risk level 'extreme'")
        #expect(parseError(["# header", "critical\t1h\t1 day\t7d"].joined(separator: "\n"))
            == "clocks.tsv:2: '1 day' is not a duration like 4h or 7d")
        #expect(parseError(Array(rows.dropLast()).joined(separator: "\n")) == "clocks.tsv:0: no row for level 'low'")
        #expect(parseError("critical\t1h\t24h") == "clocks.tsv:1: expected 4 tab-separated fields, found 3")
    }
}
