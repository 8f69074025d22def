import TerminalKit
import VigilCore

/// Keys while a prompt is open: editing, Tab completion for commands, Enter to apply, Esc to cancel.
enum PromptKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            state.prompt = nil
            return []
        case .enter:
            return submit(&state, prompt)
        case .tab where prompt.kind == .command:
            complete(&prompt)
            state.prompt = prompt
            return []
        default:
            _ = prompt.editor.handle(key)
            if prompt.kind == .filter {
                // Parse as you type so the error shows in place before Enter.
                do {
                    _ = try Filter.parse(prompt.editor.text, vocabularies: state.desk.vocabularies)
                    prompt.error = nil
                } catch {
                    prompt.error = error.message
                }
            }
            if prompt.kind == .command { prompt.completions = completions(for: prompt.editor.text) }
            state.prompt = prompt
            return []
        }
    }

    private static func submit(_ state: inout AppState, _ prompt: Prompt) -> [Effect] {
        let text = prompt.editor.text
        switch prompt.kind {
        case .filter:
            do {
                state.filter = try Filter.parse(text, vocabularies: state.desk.vocabularies)
                state.activeQueue = nil
                state.prompt = nil
                state.triage.select(0)
                state.refreshLists(queues: false)
                state.message = StatusMessage("\(state.triage.rows.count) reports match")
            } catch {
                state.prompt?.error = error.message
            }
            return []
        case .search:
            state.prompt = nil
            state.lastSearch = text.isEmpty ? nil : text
            return NamedActions.search(&state, forward: true, includeCurrent: true)
        case .command:
            state.prompt = nil
            return run(&state, text)
        }
    }

    /// Names the command prompt knows: every action, plus `filter TEXT`, `sort KEY` and `quit`.
    static var commandNames: [String] { ActionName.allCases.map(\.rawValue) + ["sort", "q", "save", "save-shared", "delete-view", "users", "desks", "clocks", "add-user", "change-user", "remove-user", "set-desk", "set-clocks", "lock-after", "unlink"] }

    static func completions(for text: String) -> [String] {
        let word = text.split(separator: " ").first.map(String.init) ?? ""
        guard !text.contains(" ") else { return [] }
        return commandNames.filter { $0.hasPrefix(word) }.sorted()
    }

    private static func complete(_ prompt: inout Prompt) {
        let matches = completions(for: prompt.editor.text)
        prompt.completions = matches
        guard let first = matches.first else { prompt.error = "no command starts with '\(prompt.editor.text)'"; return }
        var common = first
        for match in matches.dropFirst() { while !match.hasPrefix(common) { common.removeLast() } }
        prompt.editor = LineEditor(matches.count == 1 ? common + " " : common)
        prompt.error = nil
    }

    private static func run(_ state: inout AppState, _ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1] : ""
        switch name {
        case "q": return NamedActions.run(&state, .quit)
        case "filter" where !argument.isEmpty:
            state.prompt = Prompt(kind: .filter, text: argument)
            return submit(&state, state.prompt!)
        case "users", "desks", "clocks":
            state.overlay = AdminPages.page(name, state: state)
            return []
        case "set-desk", "set-clocks", "lock-after":
            return AdminPages.settings(&state, name, argument)
        case "unlink":
            guard let report = state.selectedReport, let target = ReportID.normalise(argument) else {
                state.message = StatusMessage(":unlink needs a report selected and the other report's id", isError: true)
                return []
            }
            return [.perform(.unlink(id: report.id, target: target), message: "\(report.id) unlinked from \(target)")]
        case "add-user", "change-user":
            return AdminPages.userForm(&state, adding: name == "add-user")
        case "remove-user":
            return AdminPages.removeUser(&state, argument)
        case "save", "save-shared":
            return SavedViews.save(&state, name: argument, shared: name == "save-shared")
        case "delete-view":
            return SavedViews.delete(&state, name: argument)
        case "sort":
            guard let order = VigilCore.SortOrder.parse(argument) else {
                state.message = StatusMessage("sort: '\(argument)' is not one of \(VigilCore.SortOrder.Key.allCases.map(\.rawValue).joined(separator: ", "))", isError: true)
                return []
            }
            state.sort = order
            state.refreshLists(queues: false)
            state.message = StatusMessage("sorted by \(order.description)")
            return []
        default:
            guard let action = ActionName(rawValue: name) else {
                state.message = StatusMessage(":\(name): unknown command (Tab completes)", isError: true)
                return []
            }
            return NamedActions.run(&state, action)
        }
    }
}

extension Error {
    /// The message of a core error, worded for the person who typed it.
    var message: String { String(describing: self) }
}
