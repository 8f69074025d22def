import Foundation
import VigilCore

/// Reads an import CSV into rows: the first record names the columns, each later record is a report.
enum CSVImportSource {
    static func read(_ text: String, file: String) -> ImportSource {
        let records: [CSVReader.Record]
        do throws(ImportProblem) {
            records = try CSVReader.records(text, file: file)
        } catch {
            return ImportSource(problems: [error])
        }
        guard let header = records.first else {
            return ImportSource(problems: [ImportProblem(file: file, line: 1, field: "header",
                                                         message: "the file is empty; its first line must name the columns")])
        }
        let (columns, headerProblems) = readHeader(header, file: file)
        // A header problem is an error for the whole file: a misspelt or missing column would silently drop data.
        guard headerProblems.isEmpty else { return ImportSource(problems: headerProblems) }

        var source = ImportSource()
        for record in records.dropFirst() {
            // Spreadsheets pad a sheet with rows of empty cells; they hold nothing to import or to lose.
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == columns.count else {
                source.problems.append(ImportProblem(file: file, line: record.line,
                                                     message: "expected \(columns.count) fields, one per column, found \(record.fields.count)"))
                continue
            }
            var row = ImportSource.Row(line: record.line)
            for (column, text) in zip(columns, record.fields) {
                if case .field(let field) = column { row.values[field] = text }
            }
            source.rows.append(row)
        }
        return source
    }

    /// The role of each column, and every problem with the header.
    private static func readHeader(_ header: CSVReader.Record, file: String) -> ([ImportColumn], [ImportProblem]) {
        var columns: [ImportColumn] = []
        var problems: [ImportProblem] = []
        var seen: Set<String> = []
        func problem(_ message: String) {
            problems.append(ImportProblem(file: file, line: header.line, field: "header", message: message))
        }
        for (offset, raw) in header.fields.enumerated() {
            let written = raw.trimmingCharacters(in: .whitespaces)
            let name = written.lowercased()
            if name.isEmpty {
                problem("column \(offset + 1) has no name")
            } else if !seen.insert(name).inserted {
                problem("column '\(written)' appears twice")
            } else if ImportColumn(name: name) == nil {
                problem("unknown column '\(written)'")
            }
            columns.append(ImportColumn(name: name) ?? .ignored)
        }
        for field in ReportField.required where !seen.contains(field.name) {
            problem("missing column '\(field.name)'")
        }
        return (columns, problems)
    }
}
