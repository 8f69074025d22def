import Foundation
import Testing
import VigilCore

@Suite struct FoldTests {
    private func event(_ seq: Int64, _ body: EventBody, report: String? = nil, actor: String = "admin",
                       at time: Date = fixedNow) -> Event {
        Event(seq: seq, reportID: report, actor: actor, time: time, body: body)
    }

    private func fields(_ title: String = "Threat", country: String = "IN", externalID: String = "") throws -> ReportFields {
        try validFields([.title: title, .country: country, .externalID: externalID])
    }

    @Test func emptyState() {
        let state = DeskState()
        #expect(state.head == 0)
        #expect(state.reports.isEmpty)
        #expect(state.users.isEmpty)
        #expect(state.clocks == Vocabularies.standard.defaultClocks)
        #expect(state.nextReportID(at: fixedNow) == "R-2026-00001")
    }

    @Test func idsAreNumberedPerYear() throws {
        var desk = try TestDesk.staffed()
        let year2026 = fixedNow
        let year2027 = Date(timeIntervalSince1970: 1_798_761_600) // 2027-01-01T00:00:00Z
        #expect(try desk.create(at: year2026) == "R-2026-00001")
        #expect(try desk.create(at: year2026) == "R-2026-00002")
        #expect(try desk.create(at: year2027.addingTimeInterval(-1)) == "R-2026-00003")
        #expect(try desk.create(at: year2027) == "R-2027-00001")
        #expect(try desk.create(at: year2026) == "R-2026-00004")
        #expect(try desk.create(at: year2027) == "R-2027-00002")
        #expect(desk.state.reports.map(\.id) == [
            "R-2026-00001", "R-2026-00002", "R-2026-00003", "R-2027-00001", "R-2026-00004", "R-2027-00002",
        ])
    }

    @Test func numberingContinuesAfterTheHighestImportedNumber() throws {
        var state = DeskState()
        try state.apply(event(1, .reportCreated(id: "R-2026-00040", fields: try fields()), report: "R-2026-00040"))
        #expect(state.nextReportID(at: fixedNow) == "R-2026-00041")
        try state.apply(event(2, .reportCreated(id: "R-2026-00007", fields: try fields()), report: "R-2026-00007"))
        #expect(state.nextReportID(at: fixedNow) == "R-2026-00041")
    }

    @Test func seqMustBeConsecutiveFromOne() throws {
        var state = DeskState()
        let admin = EventBody.userAdded(User(name: "admin", role: .admin))
        #expect(throws: FoldError.self) { try state.apply(event(0, admin)) }
        do {
            try state.apply(event(2, admin))
            Issue.record("a gap was accepted")
        } catch {
            #expect(error.seq == 2)
            #expect(error.description == "event 2: expected seq 1")
        }
        try state.apply(event(1, admin))
        do {
            try state.apply(event(1, admin))
            Issue.record("a repeated seq was accepted")
        } catch {
            #expect(error.description == "event 1: expected seq 2")
        }
        do {
            try state.apply(event(3, admin))
            Issue.record("a gap was accepted")
        } catch {
            #expect(error.description == "event 3: expected seq 2")
        }
        #expect(state.head == 1)
    }

    @Test func eventsForUnknownReportsAreRejected() throws {
        var state = DeskState()
        do {
            try state.apply(event(1, .reportTaken, report: "R-2026-00001", actor: "olga"))
            Issue.record("an event for an unknown report was accepted")
        } catch {
            #expect(error.description == "event 1: event report.taken names unknown report R-2026-00001")
        }
        do {
            try state.apply(event(1, .commented(text: "x")))
            Issue.record("a report event without a report was accepted")
        } catch {
            #expect(error.description == "event 1: event report.commented names unknown report -")
        }
        #expect(state.head == 0)
    }

    @Test func duplicateCreationAndLinksToUnknownReportsAreRejected() throws {
        var state = DeskState()
        let fields = try fields()
        try state.apply(event(1, .reportCreated(id: "R-2026-00001", fields: fields), report: "R-2026-00001"))
        do {
            try state.apply(event(2, .reportCreated(id: "R-2026-00001", fields: fields), report: "R-2026-00001"))
            Issue.record("a second report with the same id was accepted")
        } catch {
            #expect(error.description == "event 2: report R-2026-00001 already exists")
        }
        do {
            try state.apply(event(2, .linked(kind: .related, target: "R-2026-00009"), report: "R-2026-00001"))
            Issue.record("a link to an unknown report was accepted")
        } catch {
            #expect(error.description == "event 2: link to unknown report R-2026-00009")
        }
        #expect(state.head == 1)
        #expect(state.report("R-2026-00001")?.links == [])
    }

    @Test func everyReportEventBumpsVersionAndUpdatedAt() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create(at: fixedNow.addingTimeInterval(-hour))
        #expect(try desk.report(id).updatedAt == fixedNow.addingTimeInterval(-hour))
        let events = try desk.run(.comment(id: id, text: "x"), as: "olga")
        let report = try desk.report(id)
        #expect(report.version == events[0].seq)
        #expect(report.updatedAt == fixedNow)
        #expect(report.createdAt == fixedNow.addingTimeInterval(-hour))
    }

    @Test func editsApplyTheAfterValuesAndKeepHistoryInTheLog() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "threat", .title: "First"])
        let events = try desk.run(.edit(id: id, values: [.acts: "threat;killing", .title: "Second"], expectedVersion: nil),
                                  as: "olga")
        #expect(events.map(\.body) == [.reportEdited(changes: [
            FieldChange(field: .title, before: "First", after: "Second"),
            FieldChange(field: .acts, before: "threat", after: "threat;killing"),
        ])])
        let report = try desk.report(id)
        #expect(report.fields.acts == ["threat", "killing"])
        #expect(report.effectiveLevel == .high)
        // A replay of the same log gives the same state.
        var replay = DeskState()
        for event in desk.log { try replay.apply(event) }
        #expect(replay.report(id) == report)
        #expect(replay.head == desk.state.head)
    }

    @Test func linksAreKeptOnBothSidesAndUnlinkedFromEither() throws {
        var desk = try TestDesk.staffed()
        let a = try desk.create(), b = try desk.create(), c = try desk.create()
        try desk.run(.link(id: a, target: b, kind: .related), as: "olga")
        #expect(try desk.report(a).links == [ReportLink(kind: .related, target: b)])
        #expect(try desk.report(b).links == [ReportLink(kind: .related, target: a)])
        try desk.run(.link(id: c, target: a, kind: .duplicateOf), as: "olga")
        #expect(try desk.report(c).links == [ReportLink(kind: .duplicateOf, target: a)])
        #expect(try desk.report(c).duplicateOf == a)
        #expect(try desk.report(a).links == [ReportLink(kind: .related, target: b), ReportLink(kind: .duplicatedBy, target: c)])
        // Unlinking from the other side removes both halves.
        try desk.run(.unlink(id: b, target: a), as: "olga")
        #expect(try desk.report(a).links == [ReportLink(kind: .duplicatedBy, target: c)])
        #expect(try desk.report(b).links == [])
        try desk.run(.unlink(id: a, target: c), as: "olga")
        #expect(try desk.report(a).links == [])
        #expect(try desk.report(c).links == [])
        #expect(try desk.report(c).duplicateOf == nil)
    }

    @Test func relinkingReplacesTheKind() throws {
        var desk = try TestDesk.staffed()
        let a = try desk.create(), b = try desk.create()
        try desk.run(.link(id: a, target: b, kind: .related), as: "olga")
        try desk.run(.link(id: a, target: b, kind: .duplicateOf), as: "olga")
        #expect(try desk.report(a).links == [ReportLink(kind: .duplicateOf, target: b)])
        #expect(try desk.report(b).links == [ReportLink(kind: .duplicatedBy, target: a)])
    }

    @Test func linkingAsDuplicatedByKeepsTheReverseAsDuplicateOf() throws {
        var desk = try TestDesk.staffed()
        let original = try desk.create(), copy = try desk.create()
        try desk.run(.link(id: original, target: copy, kind: .duplicatedBy), as: "olga")
        #expect(try desk.report(original).links == [ReportLink(kind: .duplicatedBy, target: copy)])
        #expect(try desk.report(copy).links == [ReportLink(kind: .duplicateOf, target: original)])
        #expect(try desk.report(copy).duplicateOf == original)
    }

    @Test func closeAsDuplicateCreatesTheLink() throws {
        var desk = try TestDesk.staffed()
        let original = try desk.create(), copy = try desk.create()
        let events = try desk.run(.close(id: copy, reason: "duplicate", duplicateOf: original), as: "olga")
        #expect(events.map(\.body) == [
            .linked(kind: .duplicateOf, target: original),
            .reportClosed(reason: "duplicate", duplicateOf: original),
        ])
        #expect(events.map(\.seq) == [events[0].seq, events[0].seq + 1])
        let closed = try desk.report(copy)
        #expect(closed.status == .closed)
        #expect(closed.duplicateOf == original)
        let closure = try #require(closed.closure)
        #expect(closure.by == "olga")
        #expect(closure.reason == "duplicate")
        #expect(closure.duplicateOf == original)
        #expect(try desk.report(original).links == [ReportLink(kind: .duplicatedBy, target: copy)])
        // Never deleted: both stay in the state.
        #expect(desk.state.reports.map(\.id) == [original, copy])
    }

    @Test func closeAsDuplicateOfAnAlreadyLinkedOriginalAddsNoSecondLink() throws {
        var desk = try TestDesk.staffed()
        let original = try desk.create(), copy = try desk.create()
        try desk.run(.link(id: copy, target: original, kind: .duplicateOf), as: "olga")
        let events = try desk.run(.close(id: copy, reason: "duplicate", duplicateOf: original), as: "olga")
        #expect(events.map(\.body) == [.reportClosed(reason: "duplicate", duplicateOf: original)])
    }

    @Test func reopenKeepsTheDuplicateLinkUntilUnlinked() throws {
        var desk = try TestDesk.staffed()
        let original = try desk.create(), copy = try desk.create()
        try desk.run(.close(id: copy, reason: "duplicate", duplicateOf: original), as: "olga")
        try desk.run(.reopen(id: copy, note: "not the same incident"), as: "sara")
        var report = try desk.report(copy)
        #expect(report.status == .inTriage)
        #expect(report.closure == nil)
        #expect(report.duplicateOf == original)
        try desk.run(.unlink(id: copy, target: original), as: "olga")
        report = try desk.report(copy)
        #expect(report.duplicateOf == nil)
        #expect(try desk.report(original).links.isEmpty)
    }

    @Test func externalIDsSurviveInTheIndex() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.externalID: "HRD-9"])
        #expect(desk.state.reportID(forExternalID: "HRD-9") == id)
        #expect(desk.state.reportID(forExternalID: "HRD-10") == nil)
    }

    @Test func rosterEventsReplaceUsers() throws {
        var state = DeskState()
        try state.apply(event(1, .userAdded(User(name: "admin", role: .admin))))
        try state.apply(event(2, .userAdded(User(name: "olga", role: .officer))))
        try state.apply(event(3, .userChanged(User(name: "olga", role: .supervisor, desks: ["europe"]))))
        #expect(state.user("olga") == User(name: "olga", role: .supervisor, desks: ["europe"]))
        #expect(state.users.count == 2)
        #expect(state.head == 3)
    }

    @Test func reportConveniences() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "surveillance;death_threat"])
        var report = try desk.report(id)
        #expect(report.mainAct == "surveillance")
        #expect(report.riskLevel == nil)
        #expect(report.riskScore == nil)
        #expect(report.effectiveLevel == .high)
        #expect(!report.isClosed)
        try desk.run(.take(id: id), as: "olga")
        try desk.run(.assess(id: id, RiskInput(threat: 3, vulnerability: 3, capacity: 2)), as: "olga")
        report = try desk.report(id)
        #expect(report.riskScore == 4.5)
        #expect(report.riskLevel == .high)
        #expect(report.assessment?.band == .medium)
        try desk.run(.close(id: id, reason: "resolved", duplicateOf: nil), as: "sara")
        #expect(try desk.report(id).isClosed)
    }

    @Test func statusLabels() {
        #expect(Status.allCases.map(\.label) == ["new", "in triage", "assessed", "escalated", "responding", "monitoring", "closed"])
        #expect(Status.allCases.map(\.rawValue)
            == ["new", "in_triage", "assessed", "escalated", "responding", "monitoring", "closed"])
    }

    @Test func deskComesFromOverrideOrCountry() throws {
        let state = DeskState()
        #expect(state.desk(forCountry: "BR") == "latin_america_caribbean")
        #expect(state.desk(forCountry: "XX") == "")
        var fields = try fields(country: "BR")
        #expect(state.desk(for: fields) == "latin_america_caribbean")
        fields.deskOverride = "europe"
        #expect(state.desk(for: fields) == "europe")
    }
}
