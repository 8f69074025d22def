import TerminalKit

/// The facet pane: counts by overdue, desk, risk and status over the current filter; Enter toggles one.
enum FacetView {
    static func draw(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        let inner = Box.draw(&grid, rect, title: "Facets", focused: state.focus == .facets, border: ReportListView.border(state))
        let entries = state.facetEntries
        let visible = inner.height
        var top = 0
        if state.facetSelection >= visible { top = state.facetSelection - visible + 1 }
        for (offset, entry) in entries.dropFirst(top).prefix(visible).enumerated() {
            let y = inner.y + offset
            let index = top + offset
            switch entry.kind {
            case .heading:
                grid.put(entry.label, at: inner.x, y: y, role: .header, maxWidth: inner.width)
            case .entry:
                let count = String(entry.count ?? 0)
                let active = state.filter.text.contains("\(entry.key ?? ""):\(entry.value ?? "")")
                let label = (active ? "* " : "  ") + entry.label
                let text = TextLayout.pad(label, to: max(inner.width - count.count - 1, 0), ellipsis: ReportListView.ellipsis(state)) + " " + count
                let selected = state.focus == .facets && index == state.facetSelection
                let role: StyleRole = selected ? .selection : entry.key == "overdue" && (entry.count ?? 0) > 0 ? .overdue : .normal
                grid.put(text, at: inner.x, y: y, role: role, maxWidth: inner.width)
            }
        }
    }
}
