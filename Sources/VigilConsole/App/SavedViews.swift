import VigilCore

/// Saving, showing and deleting named views (a filter and a sort), personal or store-wide. They live in the
/// store as events, so they follow the user to any console and are attributed like everything else.
enum SavedViews {
    static func save(_ state: inout AppState, name: String, shared: Bool) -> [Effect] {
        guard !name.isEmpty else {
            state.message = StatusMessage(":save needs a name, e.g. :save south-asia-high", isError: true)
            return []
        }
        guard state.activeQueue != .mine else {
            state.message = StatusMessage("my queue is an either-or the filter language cannot spell; save a filter instead", isError: true)
            return []
        }
        let view = SavedView(name: name, filter: state.filter.text, sort: state.sort.description, owner: shared ? nil : state.session.user)
        return [.perform(.saveView(view), message: "saved the \(shared ? "store-wide" : "personal") view '\(name)'")]
    }

    static func delete(_ state: inout AppState, name: String) -> [Effect] {
        let mine = state.desk.views.contains { $0.name == name && $0.owner == state.session.user }
        return [.perform(.deleteView(name: name, shared: !mine), message: "deleted the view '\(name)'")]
    }

    /// Shows the view picked in the views form (`me:NAME` or `*:NAME`).
    static func show(_ state: inout AppState, code: String) {
        let shared = code.hasPrefix("*:")
        let name = String(code.dropFirst(shared ? 2 : 3))
        guard let view = state.desk.views.first(where: { $0.name == name && $0.owner == (shared ? nil : state.session.user) }) else {
            state.form?.formError = "pick a view"
            return
        }
        do {
            state.filter = try Filter.parse(view.filter, vocabularies: state.desk.vocabularies)
        } catch {
            state.form?.formError = "the view's filter no longer parses: \(error)"
            return
        }
        state.sort = SortOrder.parse(view.sort) ?? state.sort
        state.form = nil
        state.activeQueue = nil
        state.screen = .triage
        state.triage.select(0)
        state.refreshLists(queues: false)
        state.message = StatusMessage("view '\(view.name)': \(state.triage.rows.count) reports")
    }
}
