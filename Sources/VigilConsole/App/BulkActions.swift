import VigilCore

/// Actions on every marked report: take, assign, label, link as duplicate, comment and close (low and medium
/// only). Each says how many reports it will touch and asks first; each report gets its own event.
enum BulkActions {
    /// The actions that apply to marked reports, and how the question names them.
    static let verbs: [ActionName: String] = [
        .take: "take", .assign: "assign", .close: "close", .comment: "comment on", .label: "label",
        .linkDuplicate: "link as duplicates",
    ]

    static func start(_ state: inout AppState, _ name: ActionName) -> [Effect] {
        let ids = state.desk.reports.map(\.id).filter(state.marked.contains)
        guard let first = ids.first.flatMap(state.desk.report) else { return [] }
        switch name {
        case .take:
            confirm(&state, ids.map { .take(id: $0) }, verb: "take")
            return []
        case .close:
            // A bulk close is a routine tidy-up: high and critical reports are closed one at a time, with thought.
            if let grave = ids.compactMap(state.desk.report).first(where: { $0.effectiveLevel >= .high }) {
                state.message = StatusMessage("bulk close is for low and medium reports only; \(grave.id) is \(grave.effectiveLevel.rawValue)", isError: true)
                return []
            }
            state.form = FormFactory.close(first, state.desk)
        case .assign: state.form = FormFactory.assign(first, state.desk)
        case .comment: state.form = FormFactory.comment(first)
        case .label: state.form = FormFactory.label(first, state.desk)
        case .linkDuplicate: state.form = FormFactory.linkDuplicate(first)
        default: return []
        }
        state.form?.bulkTargets = ids
        state.form?.formError = "applies to the \(ids.count) marked reports"
        return []
    }

    /// Asks before appending: "Close 12 marked reports? One event each."
    static func confirm(_ state: inout AppState, _ commands: [Command], verb: String) {
        // Linking a report to itself is never meant: leave the original out of its own duplicates.
        let commands = commands.filter { command in
            if case .link(let id, let target, _) = command { return id != target }
            return true
        }
        state.form = nil
        state.overlay = .confirm(question: "\(verb.capitalizedFirst) \(commands.count) marked reports? One event each. (y/n)",
                                 yes: .performAll(commands, message: "\(verb): \(commands.count) reports done"))
    }

    /// The verb for a bulk form, by its kind.
    static func verb(_ kind: FormKind) -> String {
        switch kind {
        case .close: "close"
        case .assign: "assign"
        case .comment: "comment on"
        case .label: "label"
        case .linkDuplicate: "link as duplicates"
        default: "change"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
