import Foundation
import VigilCore

/// Writes reports as CSV or JSON Lines in the `ReportRecord` form, which `ImportPlanner` reads back.
public enum Exporter {
    /// The records of an export. `external_id` is the report's external id or, when it has none, its Vigil id:
    /// imported into another store, the rows then carry an id that makes importing the file twice a no-op there.
    public static func records(reports: [Report], clocks: ClockTable, now: Date) -> [ReportRecord] {
        reports.map { report in
            var record = ReportRecord(report: report, clocks: clocks, now: now)
            if report.fields.externalID.isEmpty { record[ReportField.externalID.name] = .text(report.id) }
            return record
        }
    }

    /// A CSV file: the `ReportRecord.columns` header, then one record per report; lists joined with `;`.
    public static func csv(reports: [Report], clocks: ClockTable, now: Date) -> String {
        CSVWriter.document(header: ReportRecord.columns,
                           rows: records(reports: reports, clocks: clocks, now: now).map(\.csvFields))
    }

    /// A JSON Lines file: one `ReportRecord` object per report.
    public static func jsonLines(reports: [Report], clocks: ClockTable, now: Date) -> String {
        JSONLines.write(records(reports: reports, clocks: clocks, now: now))
    }
}
