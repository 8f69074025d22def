import Foundation

/// The flat, snake_case external form of a report, one value per column: what `list --json`, `show --json` and
/// export write. Editable fields come first under their `ReportField` names; the workflow columns after them are
/// derived from the event history and are read-only, so an import accepts and ignores them.
public struct ReportRecord: Sendable, Equatable {
    /// One column's value, typed so JSON can tell a list, a number, a flag and "nothing" apart.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        case number(Double)
        case bool(Bool)
        case list([String])
        case null

        /// The value as one CSV cell: lists joined with `;`, null as the empty cell.
        public var text: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .number(let value): ReportRecord.jsonNumber(value)
            case .bool(let value): value ? "true" : "false"
            case .list(let items): items.joined(separator: ";")
            case .null: ""
            }
        }
    }

    /// Columns derived from the workflow, in output order.
    public static let workflowColumns = [
        "desk", "status", "assignee", "risk_level", "risk_score", "risk_threat", "risk_vulnerability", "risk_capacity",
        "risk_floors", "imminent", "escalated_to", "escalated_by", "escalation_reason", "decision", "closing_reason",
        "duplicate_of", "links", "next_due", "next_due_kind", "overdue", "created_at", "updated_at", "version",
    ]

    /// Every column in output order: the CSV header and the JSON key order.
    public static let columns = ["id"] + ReportField.allCases.map(\.name) + workflowColumns

    /// Columns no import may set: the store assigns the id and the workflow derives the rest.
    public static let readOnlyColumns: Set<String> = Set(["id"] + workflowColumns)

    /// Columns whose value is a list: JSON arrays, `;`-joined in CSV.
    public static let listColumns: Set<String> = ["sectors", "acts", "perpetrators", "risk_floors", "links"]

    /// Values in `columns` order.
    public private(set) var values: [Value]

    /// The record of a report as it stands at `now` (which decides `overdue`).
    /// Empty editable fields are empty strings, as in the model; absent workflow facts are null.
    /// `risk_level` is the level that stands, provisional before assessment (when `risk_score` is null).
    public init(report: Report, clocks: ClockTable, now: Date) {
        let fields = report.fields
        let assessment = report.assessment
        let next = clocks.nextDue(for: report)
        func optional(_ text: String?) -> Value { text.map(Value.text) ?? .null }
        func optional(_ number: Int?) -> Value { number.map { .integer(Int64($0)) } ?? .null }

        var values: [Value] = [.text(report.id)]
        for field in ReportField.allCases {
            switch field {
            case .sectors: values.append(.list(fields.sectors))
            case .acts: values.append(.list(fields.acts))
            case .perpetrators: values.append(.list(fields.perpetrators))
            default: values.append(.text(fields.text(field)))
            }
        }
        values += [
            .text(report.desk),
            .text(report.status.rawValue),
            optional(report.assignee),
            .text(report.effectiveLevel.rawValue),
            assessment.map { .number($0.score) } ?? .null,
            optional(assessment?.input.threat),
            optional(assessment?.input.vulnerability),
            optional(assessment?.input.capacity),
            .list(assessment?.floors.map(\.explanation) ?? []),
            assessment.map { .bool($0.input.threatAssessment.imminent) } ?? .null,
            optional(report.escalation?.to),
            optional(report.escalation?.by),
            optional(report.escalation?.reason),
            optional(report.decision?.outcome.rawValue),
            optional(report.closure?.reason),
            optional(report.duplicateOf),
            .list(report.links.map { "\($0.kind.rawValue):\($0.target)" }),
            optional(next.map { Timestamp.format($0.due) }),
            optional(next?.kind.rawValue),
            .bool(next?.isOverdue(at: now) ?? false),
            .text(Timestamp.format(report.createdAt)),
            .text(Timestamp.format(report.updatedAt)),
            .integer(report.version),
        ]
        self.values = values
    }

    /// The value of a column; nil for a name that is not a column.
    public subscript(column: String) -> Value? {
        get { Self.index[column].map { values[$0] } }
        set {
            guard let position = Self.index[column] else { return }
            values[position] = newValue ?? .null
        }
    }

    /// The cells of one CSV row, in `columns` order.
    public var csvFields: [String] { values.map(\.text) }

    /// One JSON object with keys in `columns` order. Written by hand rather than with JSONEncoder or
    /// JSONSerialization, neither of which keeps key order, so output is byte-for-byte stable and diffable.
    public func json(pretty: Bool = false) -> String {
        var out = "{"
        for (offset, column) in Self.columns.enumerated() {
            if offset > 0 { out += "," }
            if pretty { out += "\n  " }
            out += Self.jsonString(column) + (pretty ? ": " : ":") + Self.json(values[offset], pretty: pretty)
        }
        out += pretty ? "\n}" : "}"
        return out
    }

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })

    private static func json(_ value: Value, pretty: Bool) -> String {
        switch value {
        case .text(let text): jsonString(text)
        case .integer(let value): String(value)
        case .number(let value): value.isFinite ? jsonNumber(value) : "null"
        case .bool(let value): value ? "true" : "false"
        case .list(let items): "[" + items.map(jsonString).joined(separator: pretty ? ", " : ",") + "]"
        case .null: "null"
        }
    }

    /// Integral numbers without a trailing `.0` (a score of 25 reads as 25); others in Swift's shortest
    /// round-trip form, which is valid JSON for finite values.
    static func jsonNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A JSON string literal. Control characters are escaped as JSON requires; U+2028 and U+2029 too, since
    /// JavaScript consumers of the output would otherwise read them as line ends.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}", "\u{2029}": out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
