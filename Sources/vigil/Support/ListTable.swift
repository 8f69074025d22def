import Foundation
import TerminalKit
import VigilCore

/// The triage list as aligned text columns, measured with the one display-width function.
enum ListTable {
    static let headers = ["ID", "RECEIVED", "RISK", "DESK", "CC", "ACT", "DEFENDER", "STATUS", "ASSIGNEE", "NEXT DUE"]

    static func cells(_ row: ReportQuery.Row, vocabularies: Vocabularies) -> [String] {
        let report = row.report
        let risk = report.assessment.map { "\($0.level.badge) \(RiskModel.formatScore($0.score))" } ?? "--"
        var due = "-"
        if let next = row.next { due = (row.overdue ? "!" : "") + Timestamp.minute(next.due) + " " + next.kind.rawValue.prefix(3) }
        return [
            report.id, Timestamp.minute(report.fields.receivedAt), risk,
            vocabularies.desks.label(report.desk), report.fields.country, report.mainAct,
            TextSanitizer.clean(report.fields.defenderPseudonym), report.status.rawValue, report.assignee ?? "-", due,
        ]
    }

    static func render(_ rows: [ReportQuery.Row], vocabularies: Vocabularies) -> String {
        let body = rows.map { cells($0, vocabularies: vocabularies) }
        let limits = [13, 16, 9, 26, 2, 18, 20, 10, 10, 24]
        var widths = headers.map { DisplayWidth.of($0) }
        for cells in body {
            for (index, cell) in cells.enumerated() { widths[index] = min(max(widths[index], DisplayWidth.of(cell)), limits[index]) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? TextLayout.truncate(cell, to: widths[index]) : TextLayout.pad(cell, to: widths[index])
            }.joined(separator: "  ")
        }
        return ([line(headers)] + body.map(line)).joined(separator: "\n")
    }
}
