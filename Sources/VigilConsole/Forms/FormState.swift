import TerminalKit
import VigilCore

/// An open form: its fields, which one has focus, and what it will ask the store to do.
public struct FormState: Sendable {
    /// What a key did to the form.
    public enum Outcome: Sendable, Equatable {
        case handled
        case submit
        case cancel
        case editExternally(fieldID: String, text: String)
        case ignored
    }

    public let kind: FormKind
    public var fields: [FormField]
    public var focus = 0
    /// The report's version when the form opened; saving refuses if it changed meanwhile.
    public var expectedVersion: Int64?
    /// The marked reports a bulk form applies to (empty: just the form's own report).
    public var bulkTargets: [String] = []
    /// A problem not tied to a field (a refusal, a conflict).
    public var formError: String?
    private let initialValues: [String]

    public init(kind: FormKind, fields: [FormField], expectedVersion: Int64?) {
        self.kind = kind
        self.fields = fields
        self.expectedVersion = expectedVersion
        self.initialValues = fields.map(\.value)
    }

    public var isDirty: Bool { fields.map(\.value) != initialValues }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    public func value(_ id: String) -> String { field(id)?.value ?? "" }

    public mutating func setValue(_ id: String, _ text: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].setValue(text)
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .ctrl("s"), .function(2): return .submit
        case .escape: return .cancel
        case .tab: move(1); return .handled
        case .backTab: move(-1); return .handled
        case .ctrl("o") where fields[focus].kind == .multiline:
            return .editExternally(fieldID: fields[focus].id, text: fields[focus].value)
        default: break
        }
        if fields[focus].handle(key) { return .handled }
        switch key {
        case .enter:
            if focus == fields.count - 1 { return .submit }
            move(1)
            return .handled
        case .down: move(1); return .handled
        case .up: move(-1); return .handled
        default: return .ignored
        }
    }

    public mutating func move(_ delta: Int) {
        focus = (focus + delta + fields.count) % fields.count
    }

    /// Puts errors at their fields (by id); errors for fields the form does not show become the form error.
    public mutating func show(_ errors: [FieldError], message: String? = nil) {
        for index in fields.indices { fields[index].error = nil }
        var other: [String] = []
        for error in errors {
            if let index = fields.firstIndex(where: { $0.id == error.field }) {
                fields[index].error = error.message
            } else {
                other.append(error.description)
            }
        }
        formError = other.isEmpty ? message : other.joined(separator: "; ")
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }
}
