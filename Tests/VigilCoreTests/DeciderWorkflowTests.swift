import Foundation
import Testing
import VigilCore

@Suite struct DeciderWorkflowTests {
    @Test func takeAssignsTheOfficer() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create(at: fixedNow.addingTimeInterval(-hour))
        try desk.run(.take(id: id), as: "olga")
        let report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.assignee == "olga")
        #expect(report.takenAt == fixedNow)
        #expect(desk.message(.take(id: id), as: "sam")
            == "cannot take \(id): it is in triage, and take needs a report that is new")
    }

    @Test func supervisorAssigns() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.assign(id: id, to: "olga"), as: "olga")
            == "only a supervisor may assign a report (you are an officer)")
        #expect(desk.message(.assign(id: id, to: "ghost"), as: "sara") == "cannot assign \(id) to 'ghost': not on the roster")
        #expect(desk.message(.assign(id: id, to: "aud"), as: "sara")
            == "cannot assign \(id) to aud: an auditor does not triage reports")
        try desk.run(.assign(id: id, to: "omar"), as: "sara")
        #expect(try desk.report(id).status == .inTriage)
        #expect(try desk.report(id).assignee == "omar")
        #expect(desk.message(.assign(id: id, to: "omar"), as: "sara") == "\(id) is already assigned to omar")
        try desk.run(.assign(id: id, to: "olga"), as: "sam")
        #expect(try desk.report(id).status == .inTriage)
        #expect(try desk.report(id).assignee == "olga")
    }

    @Test func assessNeedsTriageAndValidInput() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.assess(id: id, .low), as: "olga")
            == "cannot assess \(id): it is new, and assess needs a report that is in triage or assessed")
        try desk.run(.take(id: id), as: "olga")
        #expect(desk.message(.assess(id: id, RiskInput(threat: 6, vulnerability: 1, capacity: 1)), as: "olga")
            == "threat: 6 is not on the scale 1..5")
        let override = RiskInput(threat: 1, vulnerability: 1, capacity: 5, levelOverride: .high)
        #expect(desk.message(.assess(id: id, override), as: "olga")
            == "justification: a different level needs a written justification")
        try desk.run(.assess(id: id, .medium), as: "olga")
        var report = try desk.report(id)
        #expect(report.status == .assessed)
        #expect(report.riskLevel == .medium)
        #expect(report.assessment?.by == "olga")
        // Reassessing an assessed report replaces the assessment.
        try desk.run(.assess(id: id, .critical), as: "sara", at: fixedNow.addingTimeInterval(hour))
        report = try desk.report(id)
        #expect(report.riskLevel == .critical)
        #expect(report.assessment?.by == "sara")
        #expect(report.assessment?.at == fixedNow.addingTimeInterval(hour))
    }

    @Test func assessmentUsesTheCurrentFieldsAndTime() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "raid", .incidentDate: "2026-05-01"])
        try desk.run(.take(id: id), as: "olga")
        let identified = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                                   threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        try desk.run(.assess(id: id, identified), as: "olga")
        #expect(try desk.report(id).riskLevel == .high)
        try desk.run(.assess(id: id, identified), as: "olga", at: fixedNow.addingTimeInterval(10 * day))
        #expect(try desk.report(id).riskLevel == .low)
    }

    @Test func escalateNeedsAReasonAndASupervisor() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.high)
        #expect(desk.message(.escalate(id: id, reason: "  ", to: nil), as: "olga") == "reason: an escalation needs a reason")
        #expect(desk.message(.escalate(id: id, reason: "x", to: "omar"), as: "olga")
            == "cannot escalate \(id) to 'omar': not a supervisor on the roster")
        #expect(desk.message(.escalate(id: id, reason: "x", to: "ghost"), as: "olga")
            == "cannot escalate \(id) to 'ghost': not a supervisor on the roster")
        try desk.run(.escalate(id: id, reason: "  armed men at the house ", to: "sara"), as: "olga")
        let report = try desk.report(id)
        #expect(report.status == .escalated)
        let escalation = try #require(report.escalation)
        #expect(escalation.by == "olga")
        #expect(escalation.at == fixedNow)
        #expect(escalation.reason == "armed men at the house")
        #expect(escalation.to == "sara")
    }

    @Test func escalateWithoutAddressee() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.low)
        try desk.run(.escalate(id: id, reason: "second opinion", to: nil), as: "olga")
        #expect(try desk.report(id).escalation?.to == nil)
        #expect(try desk.report(id).status == .escalated)
    }

    @Test(arguments: [RiskLevel.high, .critical])
    func highRiskCannotRespondOrMonitorWithoutEscalation(level: RiskLevel) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.at(level))
        for command in [Command.respond(id: id, note: ""), .monitor(id: id, note: "")] {
            let message = desk.message(command, as: "olga")
            #expect(message?.contains("a \(level.rawValue)-risk report must be escalated") == true, "\(command)")
            #expect(desk.message(command, as: "sara") == message)
        }
    }

    @Test(arguments: [RiskLevel.low, .medium])
    func lowAndMediumRespondOrMonitorDirectly(level: RiskLevel) throws {
        var desk = try TestDesk.staffed()
        let responding = try desk.assessed(.at(level))
        try desk.run(.respond(id: responding, note: "grant"), as: "olga", at: fixedNow.addingTimeInterval(hour))
        #expect(try desk.report(responding).status == .responding)
        #expect(try desk.report(responding).respondingSince == fixedNow.addingTimeInterval(hour))
        let monitored = try desk.assessed(.at(level))
        try desk.run(.monitor(id: monitored, note: ""), as: "olga")
        #expect(try desk.report(monitored).status == .monitoring)
    }

    @Test func provisionalLevelCountsBeforeAssessment() throws {
        var desk = try TestDesk.staffed()
        let grave = try desk.create([.acts: "death_threat"])
        #expect(desk.message(.close(id: grave, reason: "out_of_scope", duplicateOf: nil), as: "olga")
            == "only a supervisor may close a high-risk report (you are an officer)")
        let plain = try desk.create()
        #expect(desk.refusal(.close(id: plain, reason: "out_of_scope", duplicateOf: nil), as: "olga") == nil)
    }

    @Test func fullHighRiskPath() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        #expect(desk.message(.decide(id: id, outcome: .approve, note: "grant"), as: "olga")
            == "only a supervisor may approve a high-risk report (you are an officer)")
        #expect(desk.message(.decide(id: id, outcome: .approve, note: " "), as: "sara")
            == "note: approval needs a decision note")
        #expect(desk.message(.decide(id: id, outcome: .return, note: ""), as: "sara")
            == "note: returning a case needs a comment")
        try desk.run(.decide(id: id, outcome: .approve, note: " emergency grant "), as: "sara",
                     at: fixedNow.addingTimeInterval(hour))
        var report = try desk.report(id)
        #expect(report.status == .responding)
        let decision = try #require(report.decision)
        #expect(decision.by == "sara")
        #expect(decision.at == fixedNow.addingTimeInterval(hour))
        #expect(decision.outcome == .approve)
        #expect(decision.note == "emergency grant")
        #expect(report.respondingSince == fixedNow.addingTimeInterval(hour))
        try desk.run(.monitor(id: id, note: "relocated"), as: "olga")
        #expect(try desk.report(id).status == .monitoring)
        try desk.run(.retriage(id: id, note: "new threats"), as: "olga")
        #expect(try desk.report(id).status == .inTriage)
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: nil), as: "olga")
            == "only a supervisor may close a high-risk report (you are an officer)")
        try desk.run(.close(id: id, reason: "resolved", duplicateOf: nil), as: "sara")
        report = try desk.report(id)
        #expect(report.status == .closed)
        let closure = try #require(report.closure)
        #expect(closure.by == "sara")
        #expect(closure.at == fixedNow)
        #expect(closure.reason == "resolved")
        #expect(closure.duplicateOf == nil)
        #expect(desk.message(.reopen(id: id, note: "again"), as: "olga")
            == "only a supervisor may reopen a high-risk report (you are an officer)")
        try desk.run(.reopen(id: id, note: "again"), as: "sam")
        report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.closure == nil)
    }

    @Test func decidingAReportThatWasNeverEscalated() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.high)
        #expect(desk.message(.decide(id: id, outcome: .approve, note: "grant"), as: "sara")
            == "cannot approve \(id): it is assessed, and approve needs a report that is escalated")
        #expect(desk.message(.decide(id: id, outcome: .return, note: "no"), as: "sara")
            == "cannot return \(id): it is assessed, and return needs a report that is escalated")
    }

    @Test func returnSendsTheCaseBackToTriage() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.critical)
        try desk.run(.decide(id: id, outcome: .return, note: "verify the source first"), as: "sara")
        let report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.decision?.outcome == .return)
        #expect(report.respondingSince == nil)
    }

    @Test func decidingADecidedEscalationIsAConflictNamingWhoDecided() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        try desk.run(.decide(id: id, outcome: .approve, note: "grant"), as: "sara")
        let error = desk.refusal(.decide(id: id, outcome: .return, note: "no"), as: "sam")
        #expect(error == .conflict("\(id) was already decided by sara at 2026-05-28 20:26 (approve)"))
    }

    @Test func twoApprovalsOnlyOnePasses() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        // Both supervisors open the escalation at the same moment; the store applies their commands one after the other.
        var accepted: [String] = []
        var conflicts: [String] = []
        for supervisor in ["sara", "sam"] {
            do {
                try desk.run(.decide(id: id, outcome: .approve, note: "approved by \(supervisor)"), as: supervisor)
                accepted.append(supervisor)
            } catch let error as DeskError {
                guard case .conflict(let message) = error else {
                    Issue.record("expected a conflict, got \(error)")
                    continue
                }
                #expect(message.contains("already decided by sara"))
                conflicts.append(supervisor)
            }
        }
        #expect(accepted == ["sara"])
        #expect(conflicts == ["sam"])
        #expect(try desk.report(id).decision?.by == "sara")
    }

    @Test func reEscalationClearsTheOldDecision() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        try desk.run(.decide(id: id, outcome: .return, note: "verify"), as: "sara")
        try desk.run(.assess(id: id, .high), as: "olga")
        try desk.run(.escalate(id: id, reason: "verified", to: nil), as: "olga")
        #expect(try desk.report(id).decision == nil)
        try desk.run(.decide(id: id, outcome: .approve, note: "grant"), as: "sam")
        #expect(try desk.report(id).decision?.by == "sam")
    }

    @Test func commentsAreAppended() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.comment(id: id, text: " \n "), as: "olga") == "text: a comment cannot be empty")
        let first = try desk.run(.comment(id: id, text: "called the defender"), as: "olga")
        try desk.run(.comment(id: id, text: "partner confirms"), as: "sara", at: fixedNow.addingTimeInterval(60))
        let comments = try desk.report(id).comments
        #expect(comments == [
            Comment(seq: first[0].seq, author: "olga", at: fixedNow, text: "called the defender"),
            Comment(seq: first[0].seq + 1, author: "sara", at: fixedNow.addingTimeInterval(60), text: "partner confirms"),
        ])
    }

    @Test func linkChecks() throws {
        var desk = try TestDesk.staffed()
        let a = try desk.create()
        #expect(desk.message(.link(id: a, target: a, kind: .related), as: "olga") == "a report cannot be linked to itself")
        #expect(desk.refusal(.link(id: a, target: "R-2026-00099", kind: .related), as: "olga") == .notFound("R-2026-00099"))
        let b = try desk.create()
        #expect(desk.message(.unlink(id: a, target: b), as: "olga") == "\(a) is not linked to \(b)")
    }

    @Test func closeChecks() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.close(id: id, reason: "bored", duplicateOf: nil), as: "olga")
            == "reason: 'bored' is not one of resolved, out_of_scope, duplicate, no_further_action")
        #expect(desk.message(.close(id: id, reason: "duplicate", duplicateOf: nil), as: "olga")
            == "duplicate_of: closing as a duplicate needs the original report's id")
        #expect(desk.message(.close(id: id, reason: "duplicate", duplicateOf: id), as: "olga")
            == "a report cannot be a duplicate of itself")
        #expect(desk.refusal(.close(id: id, reason: "duplicate", duplicateOf: "R-2026-00099"), as: "olga")
            == .notFound("R-2026-00099"))
        let other = try desk.create()
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: other), as: "olga")
            == "duplicate_of: only goes with the reason 'duplicate'")
    }

    @Test func aReportDuplicatesAtMostOneOriginal() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create(), second = try desk.create(), copy = try desk.create()
        try desk.run(.link(id: copy, target: first, kind: .duplicateOf), as: "olga")
        let refusal = "\(copy) is already linked as a duplicate of \(first); unlink it first"
        #expect(desk.message(.close(id: copy, reason: "duplicate", duplicateOf: second), as: "olga") == refusal)
        #expect(desk.message(.link(id: copy, target: second, kind: .duplicateOf), as: "olga") == refusal)
        #expect(desk.message(.link(id: second, target: copy, kind: .duplicatedBy), as: "olga") == refusal)
        // The same original again, or a looser link, is fine.
        #expect(desk.refusal(.close(id: copy, reason: "duplicate", duplicateOf: first), as: "olga") == nil)
        #expect(desk.refusal(.link(id: copy, target: second, kind: .related), as: "olga") == nil)
        try desk.run(.unlink(id: copy, target: first), as: "olga")
        try desk.run(.close(id: copy, reason: "duplicate", duplicateOf: second), as: "olga")
        let closed = try desk.report(copy)
        #expect(closed.duplicateOf == second)
        #expect(closed.closure?.duplicateOf == second)
    }

    @Test(arguments: ["resolved", "out_of_scope", "no_further_action"])
    func officerClosesLowRisk(reason: String) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.low)
        let events = try desk.run(.close(id: id, reason: reason, duplicateOf: nil), as: "olga")
        #expect(events.map(\.body) == [.reportClosed(reason: reason, duplicateOf: nil)])
        #expect(try desk.report(id).status == .closed)
    }

    @Test func closedReportsRefuseFurtherMoves() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        try desk.run(.close(id: id, reason: "out_of_scope", duplicateOf: nil), as: "olga")
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: nil), as: "olga")?
            .hasPrefix("cannot close \(id): it is closed, and close needs a report that is new or in triage") == true)
        #expect(desk.message(.take(id: id), as: "olga") == "cannot take \(id): it is closed, and take needs a report that is new")
        #expect(desk.message(.reopen(id: id, note: ""), as: "olga") == "only a supervisor may reopen a report (you are an officer)")
    }
}
