import Foundation
import VigilCore
import VigilStore

/// A desk state built the way the store builds one: each command decided against the state, its events folded in.
/// Roster: `admin`, the officer `ana` (who records reports) and the supervisor `sam`.
struct DeskFixture {
    var state = DeskState()
    /// Advances a minute per command, so events have distinct, known times.
    var now = Timestamp.parse("2026-03-14T09:30:00Z")!

    init() throws {
        try run(.addUser(User(name: "admin", role: .admin)), by: "admin")
        try run(.addUser(User(name: "ana", role: .officer)), by: "admin")
        try run(.addUser(User(name: "sam", role: .supervisor)), by: "admin")
    }

    /// Decides and applies a command; returns the ids of the reports its events are about.
    @discardableResult
    mutating func run(_ command: Command, by actor: String = "ana") throws -> [String?] {
        let events = try Decider(state: state, actor: actor, now: now).decide(command)
        for pending in events {
            try state.apply(Event(seq: state.head + 1, reportID: pending.reportID, actor: actor, time: now, body: pending.body))
        }
        now += 60
        return events.map(\.reportID)
    }

    /// Records a report and returns its id.
    mutating func create(_ values: [ReportField: String]) throws -> String {
        try run(.create(values))[0]!
    }

    /// Carries out an import plan as the store would: one create per row, by the importing officer.
    mutating func carryOut(_ plan: ImportPlan) throws -> [String] {
        try plan.rows.map { try create($0.values) }
    }
}
