import Foundation
import Testing
import VigilCore

/// `vigil verify` re-checks every event against its actor's role and desks at that moment.
@Suite struct EventAuthorizationTests {
    @Test func everyEventTheDeciderMadeIsAllowed() throws {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let generator = DemoGenerator(reports: 60, seed: 3, now: now)
        var state = DeskState()
        var seq: Int64 = 0
        func run(_ submission: Submission) throws {
            for pending in try Decider(state: state, actor: submission.actor, now: submission.now).decide(submission.command) {
                seq += 1
                let event = Event(seq: seq, reportID: pending.reportID, actor: submission.actor, time: submission.now, body: pending.body)
                #expect(EventAuthorization.problem(event, before: state) == nil, "\(event.body.kind) by \(event.actor)")
                try state.apply(event)
            }
        }
        try run(Submission(.addUser(DemoTeam.admin), actor: "admin", now: generator.start))
        for submission in generator.submissions() { try run(submission) }
        #expect(state.reports.count == 60)
    }

    @Test func aDecisionClaimedByAnOfficerIsCaught() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "death_threat"])
        try desk.run(.take(id: id), as: "olga")
        try desk.run(.assess(id: id, RiskInput(threat: 5, vulnerability: 4, capacity: 2)), as: "olga")
        try desk.run(.escalate(id: id, reason: "grave", to: nil), as: "olga")
        let forged = Event(seq: desk.state.head + 1, reportID: id, actor: "olga", time: fixedNow,
                           body: .reportDecided(outcome: .approve, note: "approved by myself"))
        #expect(EventAuthorization.problem(forged, before: desk.state)?.contains("only a supervisor may approve") == true)
        let genuine = Event(seq: desk.state.head + 1, reportID: id, actor: "sara", time: fixedNow,
                            body: .reportDecided(outcome: .approve, note: "ok"))
        #expect(EventAuthorization.problem(genuine, before: desk.state) == nil)
    }

    @Test func rosterChangesNeedAnAdminAndScopesHold() throws {
        var desk = try TestDesk.staffed()
        let sneaky = Event(seq: desk.state.head + 1, reportID: nil, actor: "olga", time: fixedNow,
                           body: .userChanged(User(name: "olga", role: .supervisor)))
        #expect(EventAuthorization.problem(sneaky, before: desk.state)?.contains("only an admin") == true)
        let id = try desk.create([.country: "KE"])
        let outside = Event(seq: desk.state.head + 1, reportID: id, actor: "omar", time: fixedNow, body: .reportTaken)
        #expect(EventAuthorization.problem(outside, before: desk.state)?.contains("covered other desks") == true)
        let stranger = Event(seq: desk.state.head + 1, reportID: id, actor: "mallory", time: fixedNow, body: .reportTaken)
        #expect(EventAuthorization.problem(stranger, before: desk.state) == "mallory was not on the roster")
    }
}
