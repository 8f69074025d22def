import Foundation
import Testing
import VigilCore
import VigilStore

@Suite("Interchange: ReportRecord")
struct InterchangeReportRecordTests {
    private func escalatedReport() throws -> (Report, DeskFixture) {
        var desk = try DeskFixture()
        let id = try desk.create([
            .title: "Tab\there, quote \" and backslash \\", .country: "KE", .acts: "death_threat",
            .narrative: "ctrl \u{01}\u{1F} line\nsep \u{2028} end", .receivedAt: "2026-03-14T08:00:00Z",
        ])
        try desk.run(.take(id: id))
        try desk.run(.assess(id: id, RiskInput(threat: 3, vulnerability: 4, capacity: 5,
                                               threatAssessment: ThreatAssessment(imminent: true))))
        try desk.run(.escalate(id: id, reason: "imminent", to: nil))
        return (try #require(desk.state.report(id)), desk)
    }

    @Test func columnsAreIDThenFieldsThenWorkflow() {
        #expect(ReportRecord.columns.first == "id")
        #expect(Array(ReportRecord.columns[1...ReportField.allCases.count]) == ReportField.allCases.map(\.name))
        #expect(ReportRecord.columns.last == "version")
        #expect(Set(ReportRecord.columns).count == ReportRecord.columns.count)
        #expect(ReportRecord.readOnlyColumns.contains("id"))
        #expect(ReportRecord.readOnlyColumns.isDisjoint(with: ReportField.allCases.map(\.name)))
        #expect(ReportRecord.readOnlyColumns.count + ReportField.allCases.count == ReportRecord.columns.count)
    }

    @Test(arguments: [false, true])
    func jsonIsValidTypedAndKeepsColumnOrder(pretty: Bool) throws {
        let (report, desk) = try escalatedReport()
        let json = ReportRecord(report: report, clocks: desk.state.clocks, now: desk.now).json(pretty: pretty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        #expect(Set(object.keys) == Set(ReportRecord.columns))
        #expect(object["title"] as? String == report.fields.title)
        #expect(object["narrative"] as? String == report.fields.narrative)
        #expect(object["acts"] as? [String] == ["death_threat"])
        #expect(object["sectors"] as? [String] == [])
        #expect(object["assignee"] as? String == "ana")
        #expect(object["escalated_to"] is NSNull)
        #expect(object["escalated_by"] as? String == "ana")
        #expect(object["risk_level"] as? String == "critical")
        #expect((object["risk_score"] as? NSNumber)?.doubleValue == 2.4)
        #expect((object["risk_threat"] as? NSNumber)?.intValue == 3)
        #expect(object["risk_floors"] as? [String] == report.assessment?.floors.map(\.explanation))
        #expect((object["version"] as? NSNumber)?.int64Value == report.version)
        #expect(object["received_at"] as? String == "2026-03-14T08:00:00Z")
        #expect(object["created_at"] as? String == Timestamp.format(report.createdAt))
        #expect(object["next_due_kind"] as? String == "decision")

        // Key order: the text names each column in `columns` order, and a JSON Lines read sees the same order.
        let positions = ReportRecord.columns.map { json.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        if !pretty {
            let read = JSONLines.read(json, file: "x")
            #expect(read.objects.first?.members.map(\.key) == ReportRecord.columns)
        } else {
            #expect(json.hasPrefix("{\n  \"id\": \"R-2026-00001\",\n  \"title\": "))
        }
    }

    @Test func stringsAreEscapedForJSON() throws {
        let (report, desk) = try escalatedReport()
        let json = ReportRecord(report: report, clocks: desk.state.clocks, now: desk.now).json()
        #expect(json.contains(#""title":"Tab\there, quote \" and backslash \\""#))
        #expect(json.contains(#""narrative":"ctrl \u0001\u001f line\nsep \u2028 end""#))
        #expect(!json.contains("\n"))
    }

    @Test func beforeAssessmentTheLevelIsProvisionalAndTheAssessmentColumnsNull() throws {
        var desk = try DeskFixture()
        let id = try desk.create([.title: "A", .country: "KE", .acts: "threat", .receivedAt: "2026-03-14T08:00:00Z"])
        let report = try #require(desk.state.report(id))
        let late = Timestamp.parse("2026-03-20T00:00:00Z")!
        let record = ReportRecord(report: report, clocks: desk.state.clocks, now: late)
        #expect(record["risk_level"] == .text("medium"))
        #expect(record["risk_score"] == .null)
        #expect(record["imminent"] == .null)
        #expect(record["risk_floors"] == .list([]))
        #expect(record["assignee"] == .null)
        #expect(record["status"] == .text("new"))
        #expect(record["next_due_kind"] == .text("acknowledge"))
        #expect(record["next_due"] == .text("2026-03-15T08:00:00Z"))
        #expect(record["overdue"] == .bool(true))
        #expect(record["external_id"] == .text(""))
        #expect(record["no_such_column"] == nil)
        #expect(record.csvFields.count == ReportRecord.columns.count)
    }
}
