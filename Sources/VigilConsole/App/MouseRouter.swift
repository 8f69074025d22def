import TerminalKit

/// Mouse events (when enabled): a click selects a row or focuses a pane, the wheel scrolls.
enum MouseRouter {
    static func route(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        let layout = ConsoleLayout(state)
        switch event.kind {
        case .wheelDown: return NamedActions.run(&state, .down) + NamedActions.run(&state, .down) + NamedActions.run(&state, .down)
        case .wheelUp: return NamedActions.run(&state, .up) + NamedActions.run(&state, .up) + NamedActions.run(&state, .up)
        case .release: return []
        case .press:
            if let list = layout.list, list.contains(x: event.x, y: event.y) {
                state.focus = .list
                let body = list.inset(by: 1)
                if let index = Table.rowIndex(atY: event.y, in: body, top: state.list.top, rowCount: state.list.rows.count) {
                    state.list.select(index)
                }
            } else if let detail = layout.detail, detail.contains(x: event.x, y: event.y) {
                state.focus = .detail
            } else if let facets = layout.facets, facets.contains(x: event.x, y: event.y) {
                state.focus = .facets
            }
            return []
        }
    }
}
