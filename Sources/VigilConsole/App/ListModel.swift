import VigilCore

/// A report list on screen: its rows, which one is selected (by id, so it survives refreshes) and the scroll.
public struct ListModel: Sendable {
    public var rows: [ReportQuery.Row] = []
    public var selected = 0
    public var top = 0
    public var selectedID: String?

    public init() {}

    public var current: ReportQuery.Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Replaces the rows, keeping the same report selected when it is still listed.
    public mutating func replace(_ newRows: [ReportQuery.Row]) {
        rows = newRows
        if let id = selectedID, let index = rows.firstIndex(where: { $0.report.id == id }) {
            selected = index
        } else {
            selected = min(selected, max(rows.count - 1, 0))
        }
        selectedID = current?.report.id
    }

    public mutating func move(by delta: Int) { select(selected + delta) }

    public mutating func select(_ index: Int) {
        guard !rows.isEmpty else { selected = 0; selectedID = nil; return }
        selected = min(max(index, 0), rows.count - 1)
        selectedID = rows[selected].report.id
    }

    /// Keeps the selection inside the `visible` rows shown.
    public mutating func scroll(visible: Int) {
        guard visible > 0 else { top = selected; return }
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(rows.count - visible, 0)))
    }
}
