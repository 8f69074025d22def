import TerminalKit

/// The help overlay, generated from the keymap: every action with its real keys and its help text.
enum HelpView {
    static func lines(_ state: AppState) -> [StyledLine] {
        var lines: [StyledLine] = [StyledLine("Keys (rebind in $XDG_CONFIG_HOME/vigil/keys: bind KEY ACTION)", role: .title), StyledLine()]
        let width = ActionName.allCases.map { state.keymap.label(for: $0).count }.max() ?? 8
        for action in ActionName.allCases where state.canWrite || !action.writes {
            var line = StyledLine()
            line.append(TextLayout.pad(state.keymap.label(for: action), to: min(width, 16)), role: .key)
            line.append("  " + action.help + "  ")
            line.append(":" + action.rawValue, role: .dim)
            lines.append(line)
        }
        lines += [
            StyledLine(), StyledLine("In forms", role: .title),
            StyledLine("Tab/S-Tab next/previous field, C-s or F2 save, Esc cancel, C-o edit in $EDITOR"),
            StyledLine("pick lists: type to narrow, Up/Down, Space picks (multi), Enter chooses"),
            StyledLine("scales: Left/Right or 1-5, toggles: Space"),
            StyledLine(), StyledLine("Filter language", role: .title),
            StyledLine("desk:\"South Asia\" risk:high+ status:!closed assignee:me act:death_threat since:2026-01-01 words"),
            StyledLine("comma = or, ! = not, + = this level and above, overdue:yes; bare words search the text"),
            StyledLine(), StyledLine("Esc or q closes this help; j/k scroll", role: .dim),
        ]
        return lines
    }

    static func draw(_ grid: inout Grid, state: AppState, scroll: Int) {
        let width = min(state.width - 2, 96)
        let height = state.height - 2
        let inner = Overlay.draw(&grid, width: width, height: height, title: "Help", border: ReportListView.border(state))
        let all = lines(state)
        TextView.draw(&grid, inner, lines: all, top: min(scroll, max(all.count - inner.height, 0)))
    }
}
