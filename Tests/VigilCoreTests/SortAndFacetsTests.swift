import Foundation
import Testing
import VigilCore

typealias SortOrder = VigilCore.SortOrder

/// Six reports around `fixedNow`, two of them overdue:
/// A 00001 received 10 d ago, assessed low (decision due in 4 d)
/// B 00002 received 1 h ago, new, provisional medium (acknowledge due in 23 h)
/// C 00003 received 5 h ago, new, death threat: provisional high (acknowledge was due 1 h ago) - overdue
/// D 00004 received 30 d ago, assessed critical (decision was due 29 d ago) - overdue
/// E 00005 received 100 d ago, closed (no clock)
/// F 00006 received 2 h ago, France, assessed high (decision due in 70 h)
private struct QueueDesk {
    var desk: TestDesk
    var ids: [String: String] = [:]

    init() throws {
        desk = try TestDesk.staffed()
        func add(_ name: String, ago: TimeInterval, _ values: [ReportField: String] = [:]) throws -> String {
            let id = try desk.create(values, at: fixedNow.addingTimeInterval(-ago))
            ids[id] = name
            return id
        }
        let a = try add("A", ago: 10 * day)
        try desk.run(.take(id: a), as: "olga")
        try desk.run(.assess(id: a, .low), as: "olga")
        _ = try add("B", ago: hour)
        _ = try add("C", ago: 5 * hour, [.acts: "threat;death_threat"])
        let d = try add("D", ago: 30 * day)
        try desk.run(.take(id: d), as: "olga")
        try desk.run(.assess(id: d, .critical), as: "olga")
        let e = try add("E", ago: 100 * day)
        try desk.run(.close(id: e, reason: "out_of_scope", duplicateOf: nil), as: "olga",
                     at: fixedNow.addingTimeInterval(-99 * day))
        let f = try add("F", ago: 2 * hour, [.country: "FR"])
        try desk.run(.take(id: f), as: "olga")
        try desk.run(.assess(id: f, .high), as: "olga")
    }

    var context: FilterContext { FilterContext(me: "olga", now: fixedNow, clocks: desk.state.clocks) }

    func order(_ sort: SortOrder, filter: String = "", limit: Int? = nil) throws -> String {
        let rows = ReportQuery.run(desk.state, filter: try Filter.parse(filter), sort: sort, limit: limit, context: context)
        return rows.map { ids[$0.report.id]! }.joined()
    }
}

@Suite struct SortOrderTests {
    @Test(arguments: [
        ("received", SortOrder.Key.received, false), ("received:asc", .received, true), ("received:desc", .received, false),
        ("-received", .received, false), ("+received", .received, true), ("RISK", .risk, false), ("risk:asc", .risk, true),
        ("due", .due, true), ("-due", .due, false), ("id", .id, true), ("updated", .updated, false),
        ("status", .status, true), ("desk", .desk, true), ("desk:DESC", .desk, false), ("-risk:asc", .risk, true),
    ])
    func parse(text: String, key: SortOrder.Key, ascending: Bool) {
        #expect(SortOrder.parse(text) == SortOrder(key: key, ascending: ascending))
    }

    @Test(arguments: ["", "priority", "risk:up", "risk:asc:desc", "-", ":asc"])
    func unparseable(text: String) {
        #expect(SortOrder.parse(text) == nil)
    }

    @Test func naturalDirectionsAndDescription() {
        #expect(SortOrder.triage == SortOrder(key: .due, ascending: true))
        #expect(SortOrder(key: .received).description == "received:desc")
        #expect(SortOrder(key: .risk).description == "risk:desc")
        #expect(SortOrder(key: .updated).description == "updated:desc")
        #expect(SortOrder(key: .id).description == "id:asc")
        #expect(SortOrder(key: .due, ascending: false).description == "due:desc")
        for key in SortOrder.Key.allCases {
            let order = SortOrder(key: key)
            #expect(SortOrder.parse(order.description) == order)
        }
    }
}

@Suite struct ReportQueryTests {
    @Test func rowsCarryTheNextClockAndOverdueMark() throws {
        let queue = try QueueDesk()
        let rows = ReportQuery.run(queue.desk.state, filter: .all, sort: .triage, context: queue.context)
        let byName = Dictionary(uniqueKeysWithValues: rows.map { (queue.ids[$0.report.id]!, $0) })
        #expect(byName["C"]?.overdue == true)
        #expect(byName["C"]?.next.map(Due.init) == Due(kind: .acknowledge, due: fixedNow.addingTimeInterval(-hour)))
        #expect(byName["D"]?.overdue == true)
        #expect(byName["D"]?.next.map(Due.init) == Due(kind: .decision, due: fixedNow.addingTimeInterval(-29 * day)))
        #expect(byName["E"]?.next == nil)
        #expect(byName["E"]?.overdue == false)
        #expect(byName["B"]?.next.map(Due.init) == Due(kind: .acknowledge, due: fixedNow.addingTimeInterval(23 * hour)))
    }

    @Test(arguments: [
        ("due", "DCBFAE"),
        ("due:desc", "CDEAFB"),
        ("received", "CDBFAE"),
        ("+received", "DCEAFB"),
        ("risk", "DCFBEA"),
        ("risk:asc", "CDABEF"),
        ("id", "CDABEF"),
        ("-id", "DCFEBA"),
        ("status", "CDBAFE"),
        ("desk", "CDABEF"),     // desks in the order of desks.tsv: South Asia before Europe
        ("updated", "DCAFBE"),
    ])
    func overdueComeFirstThenTheSortKey(sort: String, expected: String) throws {
        let queue = try QueueDesk()
        #expect(try queue.order(try #require(SortOrder.parse(sort))) == expected)
    }

    @Test func limitAndFilter() throws {
        let queue = try QueueDesk()
        #expect(try queue.order(.triage, limit: 3) == "DCB")
        #expect(try queue.order(.triage, limit: 0) == "")
        #expect(try queue.order(.triage, limit: 100) == "DCBFAE")
        #expect(try queue.order(.triage, filter: "status:!closed country:IN") == "DCBA")
        #expect(try queue.order(.triage, filter: "overdue:no") == "BFAE")
    }

    @Test func overdueDependsOnTheInjectedNow() throws {
        let queue = try QueueDesk()
        let earlier = FilterContext(me: "olga", now: fixedNow.addingTimeInterval(-2 * hour), clocks: queue.desk.state.clocks)
        let rows = ReportQuery.run(queue.desk.state, filter: .all, sort: SortOrder(key: .id), context: earlier)
        // Two hours earlier C was not yet due (B and F were not yet received either, but the query does not care).
        #expect(rows.filter(\.overdue).map { queue.ids[$0.report.id]! } == ["D"])
    }
}

@Suite struct FacetsTests {
    @Test func countsByDeskAndRisk() throws {
        let queue = try QueueDesk()
        let facets = Facets.count(queue.desk.state, filter: .all, context: queue.context)
        #expect(facets.total == 6)
        #expect(facets.overdue == 2)
        #expect(facets.deskRisk == [
            "south_asia": ["low": 1, "critical": 1, "unassessed": 3],
            "europe": ["high": 1],
        ])
        #expect(facets.byDesk == ["south_asia": 5, "europe": 1])
        #expect(facets.byRisk == ["low": 1, "critical": 1, "high": 1, "unassessed": 3])
        #expect(facets.byStatus == ["new": 2, "assessed": 3, "closed": 1])
        #expect(facets.byAct == ["threat": 6, "death_threat": 1])
        #expect(facets.byWeek == ["2026-05-25": 3, "2026-05-18": 1, "2026-04-27": 1, "2026-02-16": 1])
        #expect(Facets.unassessed == "unassessed")
    }

    @Test func countsOnlyWhatTheFilterMatches() throws {
        let queue = try QueueDesk()
        let facets = Facets.count(queue.desk.state, filter: try Filter.parse("status:!closed risk:high+"),
                                  context: queue.context, weeks: false)
        // The unassessed death threat stands at its provisional level (high), so risk:high+ includes it.
        #expect(facets.total == 3)
        #expect(facets.deskRisk == ["south_asia": ["critical": 1, "unassessed": 1], "europe": ["high": 1]])
        #expect(facets.overdue == 2)
        #expect(facets.byWeek.isEmpty)
    }

    @Test func emptyStateHasNoCounts() {
        let facets = Facets.count(DeskState(), filter: .all,
                                  context: FilterContext(me: "olga", now: fixedNow, clocks: Vocabularies.standard.defaultClocks))
        #expect(facets == Facets())
    }

    @Test(arguments: [
        (1_780_000_000.0, "2026-05-25"),  // Thursday
        (1_779_667_200.0, "2026-05-25"),  // Monday 00:00
        (1_779_667_199.0, "2026-05-18"),  // Sunday 23:59:59
        (1_780_271_999.0, "2026-05-25"),  // Sunday 2026-05-31T23:59:59Z
        (0.0, "1969-12-29"),              // Thursday 1970-01-01
        (-302_400.0, "1969-12-22"),       // Sunday 1969-12-28T12:00Z
    ])
    func weekStartsOnMonday(seconds: TimeInterval, monday: String) {
        #expect(Facets.week(of: Date(timeIntervalSince1970: seconds)) == monday)
    }
}
