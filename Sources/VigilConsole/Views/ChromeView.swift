import Foundation
import TerminalKit
import VigilCore

/// The tabs line at the top, the prompt/message line and the status bar at the bottom.
enum ChromeView {
    /// One tab: its key, title, count and whether it is the one shown.
    private struct Tab {
        let key: String
        let title: String
        let count: Int?
        let current: Bool
        let overdue: Bool

        func label(compact: Bool) -> String {
            // Compact: the current tab keeps its title; the others keep their key and any count above zero.
            " \(key)" + (compact && !current ? "" : " \(title)") + (count.map { compact && $0 == 0 && !current ? "" : " (\($0))" } ?? "") + " "
        }
    }

    static func tabs(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        grid.fill(rect, role: .statusBar)
        var x = rect.x
        let help = "? help "
        var tabs = Screen.allCases.map { screen in
            Tab(key: state.keymap.keys(for: screen == .triage ? .triage : screen == .queue ? .queue : .stats).first?.name ?? "",
                title: screen.title, count: screen == .queue ? state.queue.rows.count : nil,
                current: screen == state.screen && (screen != .triage || state.activeQueue == nil), overdue: false)
        }
        // The standing queues, with their counts, one key each.
        tabs += WorkQueue.allCases.map { queue in
            Tab(key: state.keymap.keys(for: queue.action).first?.name ?? "",
                title: queue.title, count: state.queueCounts[queue], current: state.screen == .triage && state.activeQueue == queue,
                overdue: (queue == .overdue || queue == .reassess) && (state.queueCounts[queue] ?? 0) > 0)
        }
        // Tabs never run under the help label: the name goes first, then, when the titles still do not fit,
        // only the current tab keeps its title.
        let brand = " Vigil "
        let room = max(rect.width - DisplayWidth.of(help), 0)
        let full = tabs.map { $0.label(compact: false) }
        let fullWidth = full.reduce(0) { $0 + DisplayWidth.of($1) }
        if fullWidth + DisplayWidth.of(brand) <= room { x += grid.put(brand, at: x, y: rect.y, role: .title) }
        let shown = fullWidth <= room ? full : tabs.map { $0.label(compact: true) }
        for (tab, label) in zip(tabs, shown) {
            let role: StyleRole = tab.current ? .selection : tab.overdue ? .overdue : .statusBar
            x += grid.put(label, at: x, y: rect.y, role: role, maxWidth: max(rect.maxX - DisplayWidth.of(help) - 1 - x, 0))
        }
        grid.put(help, at: rect.maxX - DisplayWidth.of(help), y: rect.y, role: .statusBarKey)
    }

    static func promptLine(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        grid.fill(rect, role: .normal)
        if let prompt = state.prompt {
            var line = StyledLine()
            line.append(prompt.label, role: .prompt)
            let text = prompt.editor.text
            let characters = Array(text)
            let cursor = min(prompt.editor.cursor, characters.count)
            line.append(String(characters[..<cursor]), role: .input)
            line.append(cursor < characters.count ? String(characters[cursor]) : " ", role: .inputCursor)
            if cursor + 1 < characters.count { line.append(String(characters[(cursor + 1)...]), role: .input) }
            if let error = prompt.error {
                line.append("  " + error, role: .error)
            } else if !prompt.completions.isEmpty {
                line.append("  " + prompt.completions.prefix(12).joined(separator: " "), role: .dim)
            }
            grid.put(line, at: rect.x, y: rect.y, maxWidth: rect.width)
            return
        }
        if let message = state.message {
            grid.put(TextSanitizer.clean(message.text), at: rect.x, y: rect.y, role: message.isError ? .error : .success, maxWidth: rect.width)
            return
        }
        var hints = StyledLine()
        let actions: [ActionName] = state.form != nil ? [] : state.canWrite
            ? [.filter, .open, .take, .assess, .escalate, .approve, .comment, .new, .queue, .quit]
            : [.filter, .open, .search, .queue, .stats, .quit]
        for action in actions {
            hints.append(state.keymap.keys(for: action).first?.name ?? ":" + action.rawValue, role: .key)
            hints.append(" \(action.rawValue)  ", role: .dim)
        }
        grid.put(hints, at: rect.x, y: rect.y, maxWidth: rect.width)
    }

    static func statusBar(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        let role = state.user?.role.rawValue ?? "not on roster"
        let counts = state.screen == .queue ? "\(state.queue.rows.count) escalated" : "\(state.triage.rows.count)/\(state.desk.reports.count) reports"
        // Segments in order of importance; the least important go first when the terminal is narrow.
        var segments: [(priority: Int, span: Span)] = [
            (2, Span(" \(state.session.storeName) ")),
            (0, Span(" \(state.session.user) (\(role)) ", role: .statusBarKey)),
            (0, Span(" \(counts) ")),
        ]
        if state.facets.overdue > 0 { segments.append((0, Span(" \(state.facets.overdue) overdue ", role: .overdue))) }
        if !state.marked.isEmpty { segments.append((0, Span(" \(state.marked.count) marked ", role: .warning))) }
        segments.append((1, Span(" filter: " + (state.filter.isEmpty ? "(none)" : state.filter.text) + " ")))
        segments.append((3, Span(" sort: \(state.sort.key.rawValue) ")))
        var right = StyledLine()
        if state.mouseEnabled { right.append(" mouse ") }
        let time = Timestamp.minute(state.now)
        right.append(rect.width >= 80 ? " \(time) UTC " : " \(time.suffix(5)) ")
        for dropped in [3, 2] {
            let width = segments.reduce(0) { $0 + $1.span.width } + right.width
            if width <= rect.width { break }
            segments.removeAll { $0.priority == dropped }
        }
        StatusBar.draw(&grid, rect, left: StyledLine(segments.map(\.span)), right: right, ellipsis: ReportListView.ellipsis(state))
    }
}
