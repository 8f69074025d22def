import TerminalKit
import VigilCore

/// `render(state) -> Grid`: the whole screen as a pure function of the state.
public enum ConsoleView {
    public static func render(_ state: AppState) -> Grid {
        if state.locked { return LockScreen.render(state) }
        var grid = Grid(width: max(state.width, 0), height: max(state.height, 0))
        if state.isTooSmall {
            tooSmall(&grid, state: state)
            return grid
        }
        let layout = ConsoleLayout(state)
        ChromeView.tabs(&grid, layout.tabs, state: state)
        if state.screen == .stats {
            let main = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
            StatsView.draw(&grid, main, state: state)
        } else {
            if let facets = layout.facets { FacetView.draw(&grid, facets, state: state) }
            if let list = layout.list { ReportListView.draw(&grid, list, state: state) }
            if let form = state.form {
                FormView.draw(&grid, layout.form, form: form, state: state)
            } else if let detail = layout.detail {
                DetailView.draw(&grid, detail, state: state)
            }
        }
        ChromeView.promptLine(&grid, layout.prompt, state: state)
        ChromeView.statusBar(&grid, layout.status, state: state)
        switch state.overlay {
        case .help(let scroll): HelpView.draw(&grid, state: state, scroll: scroll)
        case .info(let title, let lines, let scroll):
            let inner = Overlay.draw(&grid, width: min(state.width - 2, 100), height: state.height - 2, title: title,
                                     border: ReportListView.border(state))
            let styled = lines.map { StyledLine(TextSanitizer.clean($0)) } + [StyledLine(), StyledLine("any key closes; j/k scroll", role: .dim)]
            TextView.draw(&grid, inner, lines: styled, top: min(scroll, max(styled.count - inner.height, 0)))
        case .confirm(let question, _):
            let width = min(max(DisplayWidth.of(question) + 4, 30), state.width - 2)
            let inner = Overlay.draw(&grid, width: width, height: 4, title: "Confirm", border: ReportListView.border(state))
            grid.put(question, at: inner.x + 1, y: inner.y, role: .warning, maxWidth: inner.width - 1)
            grid.put("y = yes, any other key = no", at: inner.x + 1, y: inner.y + 1, role: .dim, maxWidth: inner.width - 1)
        case nil: break
        }
        return grid
    }

    static func tooSmall(_ grid: inout Grid, state: AppState) {
        let lines = ["Terminal too small", "\(state.width)x\(state.height); Vigil needs 40x12", "Enlarge the window, or q to quit"]
        for (index, line) in lines.enumerated() {
            let y = state.height / 2 - 1 + index
            guard y >= 0, y < state.height else { continue }
            let text = TextLayout.truncate(line, to: state.width)
            grid.put(text, at: max((state.width - DisplayWidth.of(text)) / 2, 0), y: y, role: index == 0 ? .title : .normal)
        }
    }
}
