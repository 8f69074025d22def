import VigilCore

/// When a report changed while a form on it was open: say what changed and by whom, and let the user re-apply
/// their values over the new state (save again) or drop them (Esc). Nothing is overwritten silently.
enum ConflictResolution {
    static func offer(_ state: inout AppState, failure: DeskErrorMessage) {
        guard var form = state.form, let id = form.kind.reportID, let report = state.desk.report(id),
              let opened = form.expectedVersion, report.version != opened else { return }
        let changes = failure.history
            .filter { $0.seq > opened }
            .map { "\($0.actor): \(EventSummary.describe($0))" }
        let what = changes.isEmpty ? "event \(report.version)" : changes.joined(separator: "; ")
        form.expectedVersion = report.version
        form.formError = failure.message + ". Since you opened this form: \(what). C-s re-applies your values; Esc (then y) drops them."
        state.form = form
        state.message = StatusMessage(form.formError ?? failure.message, isError: true)
        // The history shown must include the other change.
        state.history = nil
    }
}
