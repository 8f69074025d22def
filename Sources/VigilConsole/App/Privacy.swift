import VigilCore

/// Privacy mode: real names, contacts and exact places stay masked on screen until revealed field by field,
/// and every reveal is an event in the report's history.
enum Privacy {
    static let masked: [ReportField] = [.defenderRealName, .defenderContact, .safeContactChannel, .placeDescription]

    /// Whether a field's value is on screen: privacy off, or revealed by this user in this session.
    static func isShown(_ field: ReportField, of report: Report, in state: AppState) -> Bool {
        guard state.privacy, masked.contains(field) else { return true }
        guard let history = state.history, history.id == report.id else { return false }
        return history.events.contains { event in
            event.actor == state.session.user && event.time >= state.sessionStart && event.body == .fieldRevealed(field: field)
        }
    }

    static func startReveal(_ state: inout AppState) -> [Effect] {
        guard state.privacy else {
            state.message = StatusMessage("privacy is off: nothing is masked")
            return []
        }
        guard let report = state.selectedReport else { return [] }
        let hidden = masked.filter { !report.fields.text($0).isEmpty && !isShown($0, of: report, in: state) }
        guard !hidden.isEmpty else {
            state.message = StatusMessage("nothing masked on \(report.id)")
            return []
        }
        state.form = FormState(kind: .reveal(report.id), fields: [
            FormField(id: "field", label: "Reveal", kind: .pick(options: hidden.map { Term(code: $0.name, label: $0.label) }, multiple: false),
                      required: true, value: hidden[0].name, hint: "the reveal is recorded in the history"),
        ], expectedVersion: nil)
        return []
    }

    /// What the detail pane shows for a masked value.
    static func mask(_ state: AppState) -> String {
        "\(String(repeating: state.session.unicode ? "•" : "*", count: 8))  (\(state.keymap.label(for: .reveal)) reveals)"
    }
}
