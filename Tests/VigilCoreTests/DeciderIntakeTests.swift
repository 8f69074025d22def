import Foundation
import Testing
import VigilCore

@Suite struct DeciderIntakeTests {
    @Test func createNumbersTheReportAndRecordsWhoAndWhen() throws {
        var desk = try TestDesk.staffed()
        let events = try desk.run(.create([.title: "Death threat by SMS", .country: "India", .acts: "Death threat",
                                           .recordedBy: "someone else"]), as: "olga")
        #expect(events.count == 1)
        guard case .reportCreated(let id, let fields)? = events.first?.body else {
            Issue.record("expected report.created, got \(events)")
            return
        }
        #expect(id == "R-2026-00001")
        #expect(events.first?.reportID == id)
        #expect(fields.recordedBy == "olga")
        #expect(fields.receivedAt == fixedNow)
        #expect(fields.country == "IN")
        #expect(fields.acts == ["death_threat"])
        let report = try desk.report(id)
        #expect(report.status == .new)
        #expect(report.desk == "south_asia")
        #expect(report.assignee == nil)
        #expect(report.createdAt == fixedNow)
        #expect(report.version == events[0].seq)
    }

    @Test func receivedAtMayBeGiven() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.receivedAt: "2026-05-27T08:00:00Z"])
        #expect(try desk.report(id).fields.receivedAt == fixedNow.addingTimeInterval(-(day + 12 * hour + 26 * 60 + 40)))
    }

    @Test(arguments: ["aud", "admin"])
    func onlyDeskRolesRecordReports(user: String) throws {
        let desk = try TestDesk.staffed()
        let role = desk.state.user(user)!.role
        #expect(desk.message(.create([.title: "x", .country: "IN", .acts: "threat"]), as: user)
            == "only an officer or a supervisor may record reports (\(user) is \(role.withArticle))")
    }

    @Test func supervisorsRecordReports() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create(as: "sara")
        #expect(try desk.report(id).fields.recordedBy == "sara")
    }

    @Test func invalidFieldsAreAllReported() throws {
        let desk = try TestDesk.staffed()
        let error = desk.refusal(.create([.title: "", .country: "XX", .acts: "haunting"]), as: "olga")
        guard case .invalid(let failure)? = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(failure.errors.map(\.field) == ["country", "acts", "title"])
    }

    @Test func externalIDsAreUnique() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.externalID: "PARTNER-17"])
        #expect(desk.state.reportID(forExternalID: "PARTNER-17") == first)
        #expect(desk.refusal(.create([.title: "again", .country: "IN", .acts: "threat", .externalID: "PARTNER-17"]),
                             as: "olga")
            == .conflict("external id 'PARTNER-17' was already imported as \(first)"))
        #expect(desk.refusal(.create([.title: "other", .country: "IN", .acts: "threat", .externalID: "PARTNER-18"]),
                             as: "olga") == nil)
    }

    @Test func editProducesBeforeAndAfter() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.title: "Old title", .country: "IN", .acts: "threat"])
        let events = try desk.run(.edit(id: id, values: [.title: "New title", .country: "FR", .acts: "threat"],
                                        expectedVersion: nil), as: "olga")
        #expect(events.map(\.body) == [.reportEdited(changes: [
            FieldChange(field: .title, before: "Old title", after: "New title"),
            FieldChange(field: .country, before: "IN", after: "FR"),
        ])])
        let report = try desk.report(id)
        #expect(report.fields.title == "New title")
        #expect(report.desk == "europe")
        #expect(report.version == events[0].seq)
    }

    @Test func editDetectsAConcurrentChange() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        let opened = try desk.report(id).version
        try desk.run(.comment(id: id, text: "called back"), as: "sara")
        #expect(desk.refusal(.edit(id: id, values: [.title: "Mine"], expectedVersion: opened), as: "olga")
            == .conflict("\(id) changed since you opened it (last change at event \(opened + 1)); reload and re-apply"))
        #expect(desk.refusal(.edit(id: id, values: [.title: "Mine"], expectedVersion: opened + 1), as: "olga") == nil)
    }

    @Test(arguments: [ReportField.recordedBy, .externalID])
    func intakeFieldsCannotBeEdited(field: ReportField) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.edit(id: id, values: [field: "x"], expectedVersion: nil), as: "olga")
            == "\(field.name): is set at intake and cannot be edited")
    }

    @Test func editWithNoChangeIsRefused() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.title: "Same"])
        #expect(desk.message(.edit(id: id, values: [.title: "  Same "], expectedVersion: nil), as: "olga")
            == "nothing to change: the values are the ones \(id) already has")
    }

    @Test func editIsValidated() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.edit(id: id, values: [.tlp: "purple"], expectedVersion: nil), as: "olga")
            == "tlp: 'purple' is not one of clear, green, amber, red")
        #expect(desk.message(.edit(id: id, values: [.title: ""], expectedVersion: nil), as: "olga") == "title: is required")
        #expect(desk.message(.edit(id: id, values: [.acts: " "], expectedVersion: nil), as: "olga")
            == "acts: at least one act is required")
        #expect(desk.message(.edit(id: id, values: [.country: ""], expectedVersion: nil), as: "olga") == "country: is required")
    }

    @Test func editingTheDateAloneFollowsItsPrecision() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.incidentDate: "2026-03-14"])
        #expect(try desk.report(id).fields.incidentDatePrecision == "exact")
        try desk.run(.edit(id: id, values: [.incidentDate: "2026-03"], expectedVersion: nil), as: "olga")
        #expect(try desk.report(id).fields.incidentDate == "2026-03")
        #expect(try desk.report(id).fields.incidentDatePrecision == "month")
    }

    @Test func unknownReports() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.refusal(.take(id: "R-2026-00099"), as: "olga") == .notFound("R-2026-00099"))
        #expect(desk.message(.decide(id: "R-2026-00099", outcome: .approve, note: "x"), as: "sara") == "no report R-2026-00099")
    }
}
