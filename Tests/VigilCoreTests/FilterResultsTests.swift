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
        return Set(ids.compactMap { name, id in
            desk.state.report(id).map { filter.matches($0, in: context) } == true ? name : nil
        })
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
