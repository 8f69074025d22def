import VigilCore

/// Reads an import JSON Lines file into rows: each object is a report, its keys named as in `ReportRecord`.
enum JSONLinesImportSource {
    static func read(_ text: String, file: String) -> ImportSource {
        let (objects, problems) = JSONLines.read(text, file: file)
        var source = ImportSource(problems: problems)
        for object in objects {
            var row = ImportSource.Row(line: object.line)
            for member in object.members {
                // Each line names its own keys, so an unknown key is a problem of that line, not of the file.
                guard let column = ImportColumn(name: member.key) else {
                    row.problems.append(ImportProblem(file: file, line: object.line, field: member.key, message: "unknown field"))
                    continue
                }
                guard case .field(let field) = column else { continue }
                switch fieldText(of: member.value, for: field) {
                case .success(let text?): row.values[field] = text
                case .success(nil): break
                case .failure(let problem):
                    row.problems.append(ImportProblem(file: file, line: object.line, field: field.name, message: problem.message))
                }
            }
            source.rows.append(row)
        }
        return source
    }

    /// The field text a JSON value stands for; nil for null (not recorded).
    /// Lists may be arrays or `;`-separated text. A number is taken as written where text may be digits (ids,
    /// titles, a bare year as the incident date); anywhere else a number or a flag would be a guess.
    static func fieldText(of value: JSONValue, for field: ReportField) -> Result<String?, TextProblem> {
        switch (value, field.kind) {
        case (.null, _):
            return .success(nil)
        case (.string(let text), _):
            return .success(text)
        case (.number(let literal), .line), (.number(let literal), .paragraph), (.number(let literal), .incidentDate):
            return .success(literal)
        case (.array(let items), .codes):
            var codes: [String] = []
            for item in items {
                guard case .string(let code) = item else {
                    return .failure(TextProblem("list items must be text, found \(item.kindDescription)"))
                }
                codes.append(code)
            }
            return .success(codes.joined(separator: ";"))
        case (.array, _):
            return .failure(TextProblem("expected text, found a list (only sectors, acts and perpetrators take lists)"))
        default:
            return .failure(TextProblem("expected text, found \(value.kindDescription)"))
        }
    }

    /// Why a JSON value is not text for a field.
    struct TextProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
