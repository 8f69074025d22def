import Foundation
import VigilCore

/// The fixed instant every test uses as "now" (2026-05-28T20:26:40Z, a Thursday).
let fixedNow = Date(timeIntervalSince1970: 1_780_000_000)

let hour: TimeInterval = 3600
let day: TimeInterval = 86_400

/// A desk state driven the way the store drives it: decide a command as an actor at a time, number the pending
/// events from `head + 1`, and fold them in.
struct TestDesk {
    var state = DeskState()
    var now = fixedNow
    /// Every event applied so far, in order, as a store's log would hold them.
    var log: [Event] = []

    /// An empty store with only its admin.
    static func bootstrapped() throws -> TestDesk {
        var desk = TestDesk()
        try desk.run(.addUser(User(name: "admin", role: .admin)), as: "admin")
        return desk
    }

    /// A store with the roster most tests use:
    /// olga (officer, every desk), omar (officer, South Asia only), sara and sam (supervisors), aud (auditor).
    static func staffed() throws -> TestDesk {
        var desk = try bootstrapped()
        for user in [
            User(name: "olga", role: .officer),
            User(name: "omar", role: .officer, desks: ["south_asia"]),
            User(name: "sara", role: .supervisor),
            User(name: "sam", role: .supervisor),
            User(name: "aud", role: .auditor),
        ] {
            try desk.run(.addUser(user), as: "admin")
        }
        return desk
    }

    /// Decides and applies a command; returns the events appended.
    @discardableResult
    mutating func run(_ command: Command, as actor: String, at time: Date? = nil) throws -> [Event] {
        let time = time ?? now
        let pending = try Decider(state: state, actor: actor, now: time).decide(command)
        var events: [Event] = []
        for (offset, item) in pending.enumerated() {
            let event = Event(seq: state.head + 1 + Int64(offset), reportID: item.reportID, actor: actor, time: time, body: item.body)
            events.append(event)
        }
        for event in events {
            try state.apply(event)
            log.append(event)
        }
        return events
    }

    /// The refusal a command would meet, without applying anything; nil when it would be accepted.
    func refusal(_ command: Command, as actor: String, at time: Date? = nil) -> DeskError? {
        do {
            _ = try Decider(state: state, actor: actor, now: time ?? now).decide(command)
            return nil
        } catch {
            return error
        }
    }

    /// The refusal's text as shown to the user; nil when the command would be accepted.
    func message(_ command: Command, as actor: String, at time: Date? = nil) -> String? {
        refusal(command, as: actor, at: time)?.description
    }

    /// Records a report (by olga unless said otherwise) and returns its id.
    @discardableResult
    mutating func create(_ values: [ReportField: String] = [:], as actor: String = "olga",
                         at time: Date? = nil) throws -> String {
        var all: [ReportField: String] = [.title: "Threat by SMS", .country: "IN", .acts: "threat"]
        all.merge(values) { _, new in new }
        let events = try run(.create(all), as: actor, at: time)
        guard case .reportCreated(let id, _)? = events.first?.body else { throw TestDeskError.noReportCreated }
        return id
    }

    func report(_ id: String) throws -> Report {
        guard let report = state.report(id) else { throw TestDeskError.noSuchReport(id) }
        return report
    }

    /// Records a report and walks it to `assessed` at the level the input gives.
    @discardableResult
    mutating func assessed(_ input: RiskInput = .low, values: [ReportField: String] = [:],
                           officer: String = "olga") throws -> String {
        let id = try create(values, as: officer)
        try run(.take(id: id), as: officer)
        try run(.assess(id: id, input), as: officer)
        return id
    }

    /// Records a report and walks it to `escalated`.
    @discardableResult
    mutating func escalated(_ input: RiskInput = .high, values: [ReportField: String] = [:]) throws -> String {
        let id = try assessed(input, values: values)
        try run(.escalate(id: id, reason: "death threat against a land defender", to: "sara"), as: "olga")
        return id
    }
}

enum TestDeskError: Error {
    case noReportCreated
    case noSuchReport(String)
}

extension RiskInput {
    /// 1 x 1 / 5 = 0.2
    static let low = RiskInput(threat: 1, vulnerability: 1, capacity: 5)
    /// 2 x 2 / 2 = 2
    static let medium = RiskInput(threat: 2, vulnerability: 2, capacity: 2)
    /// 5 x 1 / 1 = 5
    static let high = RiskInput(threat: 5, vulnerability: 1, capacity: 1)
    /// 5 x 5 / 1 = 25
    static let critical = RiskInput(threat: 5, vulnerability: 5, capacity: 1)

    static func at(_ level: RiskLevel) -> RiskInput {
        switch level {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }
}

/// Fields as the validator builds them, for tests that need a `ReportFields` without a desk.
func validFields(_ values: [ReportField: String]) throws -> ReportFields {
    var all: [ReportField: String] = [.title: "Threat", .country: "IN", .acts: "threat"]
    all.merge(values) { _, new in new }
    return try FieldValidator().fields(from: all).get()
}

/// A running clock as plain data, to compare with expected clocks (`DueClock` has no public initialiser).
struct Due: Equatable, CustomStringConvertible {
    let kind: DueClock.Kind
    let due: Date

    init(kind: DueClock.Kind, due: Date) {
        self.kind = kind
        self.due = due
    }

    init(_ clock: DueClock) { self.init(kind: clock.kind, due: clock.due) }

    var description: String { "\(kind.rawValue) due \(Timestamp.format(due))" }
}

extension ClockTable {
    func dues(for report: Report) -> [Due] { clocks(for: report).map(Due.init) }
}
