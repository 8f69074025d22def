import Foundation
import Testing
import VigilCore

@Suite struct FilterMatchingTests {
    private func desk() throws -> TestDesk { try TestDesk.staffed() }

    private func matches(_ text: String, _ report: Report, me: String = "olga", clocks: ClockTable = Vocabularies.standard.defaultClocks,
                         now: Date = fixedNow) throws -> Bool {
        try Filter.parse(text).matches(report, in: FilterContext(me: me, now: now, clocks: clocks))
    }

    @Test func bareWordsIgnoreCaseAndAccents() throws {
        var desk = try desk()
        let accented = try desk.create([.title: "Ameaça em São Félix do Xingu"])
        let plain = try desk.create([.title: "Threat in Sao Paulo", .defenderPseudonym: "Ñandú"])
        let a = try desk.report(accented), p = try desk.report(plain)
        for word in ["São", "sao", "SAO", "são"] {
            #expect(try matches(word, a), "\(word)")
            #expect(try matches(word, p), "\(word)")
        }
        #expect(try matches("felix", a))
        #expect(try matches("AMEACA", a))
        #expect(try matches("nandu", p))
        #expect(try !matches("xingu paulo", a))
        #expect(try matches(#""sao felix""#, a))
        #expect(try !matches(#""felix sao""#, a))
        #expect(try matches("text:\"são félix\"", a))
    }

    @Test func freeTextSearchesTitlePseudonymAndNarrative() throws {
        var desk = try desk()
        let id = try desk.create([.title: "Raid", .defenderPseudonym: "Kestrel", .narrative: "Police seized laptops.",
                                  .placeDescription: "behind the mill", .defenderRealName: "Maria Lopez"])
        let report = try desk.report(id)
        #expect(try matches("kestrel", report))
        #expect(try matches("laptops", report))
        #expect(try matches("raid", report))
        // Sensitive fields other than the narrative are not searched.
        #expect(try !matches("mill", report))
        #expect(try !matches("lopez", report))
    }

    @Test func riskNoneMatchesUnassessedReports() throws {
        var desk = try desk()
        let unassessedID = try desk.create([.acts: "death_threat"])
        let unassessed = try desk.report(unassessedID)
        let assessedID = try desk.assessed(.low)
        let assessed = try desk.report(assessedID)
        #expect(try matches("risk:none", unassessed))
        #expect(try !matches("risk:none", assessed))
        #expect(try matches("risk:low", assessed))
        // Before assessment the provisional level counts: an unread death threat is not hidden from risk:high+.
        #expect(try matches("risk:high+", unassessed))
        #expect(try !matches("risk:low", unassessed))
        #expect(try matches("risk:high+,unassessed", unassessed))
        #expect(try matches("risk:!low", unassessed))
    }

    @Test func riskPlusMeansThatLevelAndAbove() throws {
        var desk = try desk()
        var reports: [Report] = []
        for level in RiskLevel.allCases {
            let id = try desk.assessed(.at(level))
            reports.append(try desk.report(id))
        }
        for (index, level) in RiskLevel.allCases.enumerated() {
            let matched = try reports.map { try matches("risk:\(level.rawValue)+", $0) }
            #expect(matched == RiskLevel.allCases.map { $0 >= level }, "\(level)")
            #expect(try matches("risk:\(level.badge)", reports[index]))
        }
    }

    @Test func statusValues() throws {
        var desk = try desk()
        let newID = try desk.create()
        let new = try desk.report(newID)
        let triage = try desk.create()
        try desk.run(.take(id: triage), as: "olga")
        let inTriage = try desk.report(triage)
        #expect(try matches("status:new", new))
        #expect(try matches("is:open", new))
        #expect(try matches("status:\"in triage\"", inTriage))
        #expect(try matches("status:IN_TRIAGE", inTriage))
        #expect(try !matches("status:new", inTriage))
        #expect(try matches("status:new,in_triage", inTriage))
    }

    @Test func assigneeValues() throws {
        var desk = try desk()
        let nobodyID = try desk.create()
        let nobody = try desk.report(nobodyID)
        let taken = try desk.create()
        try desk.run(.take(id: taken), as: "olga")
        let olgas = try desk.report(taken)
        #expect(try matches("assignee:none", nobody))
        #expect(try !matches("assignee:me", nobody))
        #expect(try matches("assignee:me", olgas))
        #expect(try matches("assignee:olga", olgas, me: "sara"))
        #expect(try !matches("assignee:me", olgas, me: "sara"))
        #expect(try !matches("assignee:none", olgas))
        #expect(try matches("assignee:none,me", olgas))
    }

    @Test func escalatedToAndRecordedBy() throws {
        var desk = try desk()
        let escalatedID = try desk.escalated(.high)
        let escalated = try desk.report(escalatedID)
        let otherID = try desk.create(as: "omar")
        let other = try desk.report(otherID)
        #expect(try matches("escalated_to:me", escalated, me: "sara"))
        #expect(try matches("escalated_to:sara", escalated))
        #expect(try !matches("escalated_to:me", escalated, me: "sam"))
        #expect(try !matches("escalated_to:sara", other))
        #expect(try matches("recorded_by:me", escalated))
        #expect(try matches("recorded_by:omar", other))
        #expect(try !matches("recorded_by:me", other))
    }

    @Test func codedFields() throws {
        var desk = try desk()
        let reportID = try desk.create([
            .acts: "surveillance;raid", .perpetrators: "police;corporation", .sectors: "land;environment",
            .intakeChannel: "hotline", .tlp: "red", .verification: "confirmed", .consentScope: "internal_only",
            .externalID: "PARTNER-17",
        ])
        let report = try desk.report(reportID)
        let holds = ["act:raid", "acts:Surveillance", "perpetrator:corporation", "sector:environment", "channel:Hotline",
                     "tlp:RED", "tlp:TLP:RED", "verification:confirmed", "consent:internal_only", "external_id:PARTNER-17",
                     "id:\(report.id)", "id:2026-1", "country:IN"]
        for text in holds { #expect(try matches(text, report), "\(text)") }
        let fails = ["act:killing", "perpetrator:mob", "sector:journalism", "channel:email", "tlp:amber",
                     "verification:unverified", "consent:none", "external_id:partner-17", "id:2026-2"]
        for text in fails { #expect(try !matches(text, report), "\(text)") }
    }

    @Test func defaultsOfUnrecordedFieldsMatch() throws {
        var desk = try desk()
        let reportID = try desk.create()
        let report = try desk.report(reportID)
        #expect(try matches("tlp:amber", report))
        #expect(try matches("verification:unverified", report))
    }

    @Test func overdueUsesTheContextClockAndNow() throws {
        var desk = try desk()
        let reportID = try desk.create(at: fixedNow)
        let report = try desk.report(reportID)
        // New, provisional medium: acknowledge within 24 h of receipt.
        #expect(try matches("overdue:no", report, now: fixedNow.addingTimeInterval(24 * hour)))
        #expect(try matches("overdue:yes", report, now: fixedNow.addingTimeInterval(24 * hour + 1)))
        var tight = Vocabularies.standard.defaultClocks
        tight.limits[.medium] = .init(acknowledge: 60, decision: 120, reassess: 180)
        #expect(try matches("overdue:yes", report, clocks: tight, now: fixedNow.addingTimeInterval(61)))
        #expect(try matches("overdue:!yes", report, now: fixedNow.addingTimeInterval(61)))
    }
}
