import Foundation
import Testing
import VigilCore

/// A desk holding one report that matches the full example filter (as olga) and one report per clause that fails
/// only that clause.
private struct ExampleDesk {
    var desk: TestDesk
    var ids: [String: String] = [:]

    init() throws {
        desk = try TestDesk.staffed()
        func add(_ name: String, _ values: [ReportField: String] = [:], input: RiskInput = .high,
                 taker: String = "olga") throws {
            var all: [ReportField: String] = [
                .title: "Death threat over a land grab", .country: "IN", .acts: "death_threat",
                .receivedAt: "2026-05-01T10:00:00Z", .narrative: "Armed men told her to drop the case.",
            ]
            all.merge(values) { _, new in new }
            let id = try desk.create(all, as: taker)
            try desk.run(.take(id: id), as: taker)
            try desk.run(.assess(id: id, input), as: taker)
            ids[name] = id
        }
        try add("match")
        try add("europe", [.country: "FR"])
        try add("medium", input: RiskInput(threat: 2, vulnerability: 2, capacity: 2, levelOverride: .medium,
                                           justification: "the threat was withdrawn"))
        try add("closed")
        try desk.run(.close(id: ids["closed"]!, reason: "resolved", duplicateOf: nil), as: "sara")
        try add("omar", taker: "omar")
        try add("plainThreat", [.acts: "threat"])
        try add("old", [.receivedAt: "2025-12-31T23:59:59Z"])
        try add("noGrab", [.title: "Death threat over land"])
    }

    func matching(_ text: String, me: String = "olga", now: Date = fixedNow) throws -> Set<String> {
        let filter = try Filter.parse(text)
        let context = FilterContext(me: me, now: now, clocks: desk.state.clocks)
        let names = ids.filter { _, id in filter.matches(try! desk.report(id), in: context) }.map(\.key)
        return Set(names)
    }
}

@Suite struct FilterResultsTests {
    @Test func theFullExampleMatchesOnlyTheReportMeetingEveryClause() throws {
        let example = try ExampleDesk()
        let text = #"desk:"South Asia" risk:high+ status:!closed assignee:me act:death_threat since:2026-01-01 land grab"#
        #expect(try example.matching(text) == ["match"])
        // As omar, "me" is omar.
        #expect(try example.matching(text, me: "omar") == ["omar"])
    }

    @Test func eachClauseOfTheExampleExcludesItsReport() throws {
        let example = try ExampleDesk()
        let all = Set(example.ids.keys)
        #expect(try example.matching(#"desk:"South Asia""#) == all.subtracting(["europe"]))
        #expect(try example.matching("risk:high+") == all.subtracting(["medium"]))
        #expect(try example.matching("status:!closed") == all.subtracting(["closed"]))
        #expect(try example.matching("assignee:me") == all.subtracting(["omar"]))
        #expect(try example.matching("act:death_threat") == all.subtracting(["plainThreat"]))
        #expect(try example.matching("since:2026-01-01") == all.subtracting(["old"]))
        #expect(try example.matching("land grab") == all.subtracting(["noGrab"]))
        #expect(try example.matching("") == all)
    }

    @Test func commaIsOrAndSpaceIsAnd() throws {
        let example = try ExampleDesk()
        #expect(try example.matching("country:FR,India status:closed,assessed") == Set(example.ids.keys))
        #expect(try example.matching("act:threat,killing") == ["plainThreat"])
        #expect(try example.matching("country:FR act:threat") == [])
        #expect(try example.matching("assignee:omar,me") == Set(example.ids.keys))
    }

    @Test func bangNegatesTheWholeClause() throws {
        let example = try ExampleDesk()
        #expect(try example.matching("country:!IN") == ["europe"])
        #expect(try example.matching("status:!closed,assessed") == [])
        #expect(try example.matching("risk:!high+") == ["medium"])
        #expect(try example.matching("assignee:!me") == ["omar"])
        #expect(try example.matching(#"desk:!"South Asia""#) == ["europe"])
    }

    @Test(arguments: ["desk:south_asia", #"desk:"South Asia""#, #"desk:"south asia""#, "region:South_Asia"])
    func deskByCodeOrLabel(text: String) throws {
        let example = try ExampleDesk()
        #expect(try !example.matching(text).contains("europe"))
        #expect(try example.matching(text).contains("match"))
    }

    @Test(arguments: ["country:FR", "country:fr", "country:France", "country:FRANCE", "country:\"france\""])
    func countryByNameOrCode(text: String) throws {
        let example = try ExampleDesk()
        #expect(try example.matching(text) == ["europe"])
    }

    @Test func datesBound() throws {
        let example = try ExampleDesk()
        #expect(try example.matching("until:2026-01-01") == ["old"])
        #expect(try example.matching("since:2025-12-31T23:59:59Z until:2026-01-01") == ["old"])
        #expect(try example.matching("since:2026-05-01T10:00:01Z") == [])
        #expect(try example.matching("since:2026-05-01T12:00:00+02:00") == Set(example.ids.keys).subtracting(["old"]))
    }

    @Test func overdue() throws {
        let example = try ExampleDesk()
        // Received 2026-05-01T10:00Z at high (72 h decision clock): overdue long before now, except the closed one.
        #expect(try example.matching("overdue:yes") == Set(example.ids.keys).subtracting(["closed"]))
        #expect(try example.matching("overdue:no") == ["closed"])
        // Three days after receipt nothing is overdue yet.
        let early = Date(timeIntervalSince1970: 1_777_629_600 + 60) // 2026-05-01T10:01:00Z
        #expect(try example.matching("overdue:yes", now: early) == ["old"])
        #expect(try example.matching("overdue:yes status:!closed", now: early) == ["old"])
    }
}

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
        // The provisional level does not count as an assessed one.
        #expect(try !matches("risk:high+", unassessed))
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
