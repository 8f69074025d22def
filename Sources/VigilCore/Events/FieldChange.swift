/// One field's value before and after an edit, as text.
public struct FieldChange: Codable, Sendable, Equatable {
    public var field: ReportField
    public var before: String
    public var after: String

    public init(field: ReportField, before: String, after: String) {
        self.field = field
        self.before = before
        self.after = after
    }
}
