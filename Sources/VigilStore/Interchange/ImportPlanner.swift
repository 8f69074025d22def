import VigilCore

/// Turns an import file into an `ImportPlan` against the current desk state, without writing anything. The store
/// carries out the plan (one `Command.create` per row, as the importing user) and the Decider checks each again.
public enum ImportPlanner {
    /// Reads and checks every row of `text`, collecting all problems of all rows rather than stopping at the first.
    /// `file` is the name used in problems, e.g. `partners.csv`.
    public static func plan(text: String, file: String, format: ImportFormat, state: DeskState) -> ImportPlan {
        let source = switch format {
        case .csv: CSVImportSource.read(text, file: file)
        case .jsonl: JSONLinesImportSource.read(text, file: file)
        }
        var plan = ImportPlan()
        var problems = source.problems
        let validator = FieldValidator(vocabularies: state.vocabularies)
        var firstLine: [String: Int] = [:]

        for row in source.rows {
            var rowProblems = row.problems
            let externalID = externalID(of: row, validator)
            if let externalID {
                if let earlier = firstLine[externalID] {
                    rowProblems.append(ImportProblem(file: file, line: row.line, field: ReportField.externalID.name,
                                                     message: "'\(externalID)' is also on line \(earlier)"))
                } else {
                    firstLine[externalID] = row.line
                    // Skipped before validation: a file that imported once must re-import cleanly even if the
                    // vocabularies have changed since.
                    if let existing = state.reportID(forExternalID: externalID) {
                        plan.skippedDuplicates.append(SkippedDuplicate(line: row.line, externalID: externalID, existingID: existing))
                        continue
                    }
                }
            }
            switch validator.fields(from: row.values) {
            case .success(let fields):
                if rowProblems.isEmpty {
                    plan.rows.append(ImportRow(line: row.line, values: normalised(row.values, fields), externalID: externalID))
                }
            case .failure(let failure):
                // A field already found unreadable is absent to the validator; "is required" would only repeat it.
                let unreadable = Set(row.problems.compactMap(\.field))
                rowProblems += failure.errors.filter { !unreadable.contains($0.field) }.map {
                    ImportProblem(file: file, line: row.line, field: $0.field, message: $0.message)
                }
            }
            problems += rowProblems
        }
        // Rows too broken to read (a wrong field count, invalid JSON) were found before the rest: merge by line.
        plan.problems = problems.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        return plan
    }

    /// The row's external id, trimmed; nil when it has none or it is invalid (the validator reports why).
    private static func externalID(of row: ImportSource.Row, _ validator: FieldValidator) -> String? {
        guard let raw = row.values[.externalID], case .success(let id) = validator.normalise(.externalID, raw), !id.isEmpty else {
            return nil
        }
        return id
    }

    /// The validated text of each field the row gave a value for, as `Command.create` takes it.
    private static func normalised(_ values: [ReportField: String], _ fields: ReportFields) -> [ReportField: String] {
        var result: [ReportField: String] = [:]
        for (field, raw) in values where !raw.allSatisfy(\.isWhitespace) {
            result[field] = fields.text(field)
        }
        return result
    }
}
