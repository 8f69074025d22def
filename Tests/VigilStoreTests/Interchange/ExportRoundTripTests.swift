import Foundation
import Testing
import VigilCore
import VigilStore

@Suite("Interchange: export and re-import")
struct InterchangeExportRoundTripTests {
    /// A desk with reports covering awkward text and every workflow stage the export describes.
    private func populatedDesk() throws -> DeskFixture {
        var desk = try DeskFixture()
        let first = try desk.create([
            .title: "Death threat, \"final warning\"", .country: "CO", .acts: "death_threat;surveillance",
            .perpetrators: "paramilitary;unknown", .sectors: "land;indigenous_peoples", .incidentDate: "2026-03",
            .narrative: "Line one, with a comma\nLine \"two\"\n\nÑandú 🇨🇴 e\u{301}", .defenderPseudonym: "Ceiba",
            .intakeChannel: "hotline", .tlp: "red", .receivedAt: "2026-03-13T22:05:00Z",
        ])
        try desk.run(.take(id: first))
        try desk.run(.assess(id: first, RiskInput(threat: 4, vulnerability: 4, capacity: 2)))
        try desk.run(.escalate(id: first, reason: "death threat by an armed group", to: "sam"))
        let second = try desk.create([.title: "Office raided", .country: "UG", .acts: "raid", .externalID: "PARTNER-77",
                                      .adminArea: "Kampala", .incidentDate: "2026-03-10"])
        try desk.run(.link(id: second, target: first, kind: .related))
        _ = try desk.create([.title: "Online smear campaign", .country: "PH", .acts: "online_attack;stigmatisation"])
        return desk
    }

    /// What a plan should hand to `Command.create` for a report: every non-empty field but `recorded_by`,
    /// with the Vigil id standing in for a missing external id.
    private func expectedValues(_ report: Report) -> [ReportField: String] {
        var values: [ReportField: String] = [:]
        for field in ReportField.allCases where field != .recordedBy {
            let text = report.fields.text(field)
            if !text.isEmpty { values[field] = text }
        }
        if report.fields.externalID.isEmpty { values[.externalID] = report.id }
        return values
    }

    @Test(arguments: [ImportFormat.csv, .jsonl])
    func anExportPlansBackToTheSameValuesAndReimportsNothingTwice(format: ImportFormat) throws {
        let source = try populatedDesk()
        let reports = source.state.reports
        let text = switch format {
        case .csv: Exporter.csv(reports: reports, clocks: source.state.clocks, now: source.now)
        case .jsonl: Exporter.jsonLines(reports: reports, clocks: source.state.clocks, now: source.now)
        }

        var target = try DeskFixture()
        let plan = ImportPlanner.plan(text: text, file: "export", format: format, state: target.state)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.rows.map(\.values) == reports.map(expectedValues))
        #expect(plan.rows.map(\.externalID) == ["R-2026-00001", "PARTNER-77", "R-2026-00003"])
        if format == .csv { #expect(plan.rows.map(\.line) == [2, 6, 7]) } else { #expect(plan.rows.map(\.line) == [1, 2, 3]) }

        let created = try target.carryOut(plan)
        for (id, original) in zip(created, reports) {
            var fields = try #require(target.state.report(id)).fields
            #expect(fields.recordedBy == "ana")
            fields.recordedBy = original.fields.recordedBy
            fields.externalID = original.fields.externalID
            #expect(fields == original.fields)
        }

        let again = ImportPlanner.plan(text: text, file: "export", format: format, state: target.state)
        #expect(again.problems.isEmpty)
        #expect(again.rows.isEmpty)
        #expect(again.skippedDuplicates.map(\.existingID) == created)
    }

    @Test func theCSVExportHasTheColumnsHeaderAndListsJoinedWithSemicolons() throws {
        let desk = try populatedDesk()
        let text = Exporter.csv(reports: desk.state.reports, clocks: desk.state.clocks, now: desk.now)
        let records = try CSVReader.records(text, file: "export.csv")
        #expect(records.first?.fields == ReportRecord.columns)
        #expect(records.count == 4)
        let first = Dictionary(uniqueKeysWithValues: zip(ReportRecord.columns, records[1].fields))
        #expect(first["acts"] == "death_threat;surveillance")
        #expect(first["links"] == "related:R-2026-00002")
        #expect(first["status"] == "escalated")
        #expect(first["escalated_to"] == "sam")
        #expect(first["risk_score"] == "8")
        #expect(first["external_id"] == "R-2026-00001")
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func anEmptyExportIsTheHeaderAlone() {
        #expect(Exporter.csv(reports: [], clocks: DeskState().clocks, now: Date()) == CSVWriter.record(ReportRecord.columns))
        #expect(Exporter.jsonLines(reports: [], clocks: DeskState().clocks, now: Date()) == "")
    }
}
