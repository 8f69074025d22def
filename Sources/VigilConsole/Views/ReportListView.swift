import Foundation
import TerminalKit
import VigilCore

/// The report list of the triage screen and the escalation queue, drawing only the visible rows.
enum ReportListView {
    /// A column that is shown when the pane is wide enough; lower priority columns go first.
    struct Column: Sendable {
        let column: TableColumn
        let priority: Int
        let cell: @Sendable (ReportQuery.Row, AppState) -> TableCell
    }

    static let triageColumns: [Column] = [
        Column(column: TableColumn(" ID", width: .fixed(13)), priority: 0) { row, state in ReportListView.idCell(row, state) },
        Column(column: TableColumn("RECEIVED", width: .fixed(11)), priority: 3) { row, _ in
            TableCell(String(Timestamp.minute(row.report.fields.receivedAt).dropFirst(5)))
        },
        Column(column: TableColumn("RISK", width: .fixed(9)), priority: 0) { row, _ in Badges.risk(row.report) },
        Column(column: TableColumn("CC/DESK", width: .flex(min: 6, weight: 1)), priority: 4) { row, state in
            // The country code first: it survives truncation, and the desk is also in the facets.
            TableCell(row.report.fields.country + " " + state.desk.vocabularies.desks.label(row.report.desk))
        },
        Column(column: TableColumn("ACT", width: .flex(min: 8, weight: 2)), priority: 2) { row, _ in TableCell(row.report.mainAct) },
        Column(column: TableColumn("DEFENDER", width: .flex(min: 8, weight: 3)), priority: 1) { row, _ in
            TableCell(row.report.fields.defenderPseudonym)
        },
        Column(column: TableColumn("STATUS", width: .fixed(10)), priority: 1) { row, _ in TableCell(row.report.status.rawValue) },
        Column(column: TableColumn("ASSIGNEE", width: .fixed(8)), priority: 3) { row, state in
            guard let assignee = row.report.assignee else { return TableCell("-", role: .dim) }
            return TableCell(assignee == state.session.user ? "me" : assignee)
        },
        Column(column: TableColumn("NEXT DUE", width: .fixed(12)), priority: 0) { row, state in Badges.due(row, now: state.now) },
    ]

    static let queueColumns: [Column] = [
        Column(column: TableColumn(" ID", width: .fixed(13)), priority: 0) { row, state in ReportListView.idCell(row, state) },
        Column(column: TableColumn("RISK", width: .fixed(9)), priority: 0) { row, _ in Badges.risk(row.report) },
        Column(column: TableColumn("DESK", width: .flex(min: 8, weight: 1)), priority: 3) { row, state in
            TableCell(state.desk.vocabularies.desks.label(row.report.desk))
        },
        Column(column: TableColumn("BY", width: .fixed(8)), priority: 1) { row, _ in TableCell(row.report.escalation?.by ?? "-") },
        Column(column: TableColumn("AGO", width: .fixed(8)), priority: 2) { row, state in
            TableCell(row.report.escalation.map { Relative.describe($0.at, now: state.now) } ?? "-")
        },
        Column(column: TableColumn("REASON", width: .flex(min: 10, weight: 3)), priority: 1) { row, _ in
            TableCell(row.report.escalation?.reason ?? "")
        },
        Column(column: TableColumn("DECIDE BY", width: .fixed(12)), priority: 0) { row, state in Badges.due(row, now: state.now) },
    ]

    /// The id, marked with `*` when it is marked for a bulk action.
    static func idCell(_ row: ReportQuery.Row, _ state: AppState) -> TableCell {
        if state.marked.contains(row.report.id) { return TableCell("*" + row.report.id, role: .warning) }
        // `@`: someone else has it open right now.
        if state.viewers[row.report.id] != nil { return TableCell("@" + row.report.id, role: .link) }
        return TableCell(" " + row.report.id)
    }

    static func minimumWidth(_ column: TableColumn) -> Int {
        switch column.width {
        case .fixed(let width): width
        case .flex(let min, _): min
        }
    }

    /// The columns that fit the width, in their order, dropping the least important first.
    static func fitting(_ columns: [Column], width: Int) -> [Column] {
        var shown = columns
        while shown.count > 1 && shown.reduce(0, { $0 + minimumWidth($1.column) + 1 }) > width {
            guard let drop = shown.enumerated().max(by: { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }) else { break }
            shown.remove(at: drop.offset)
        }
        return shown
    }

    static func draw(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        let queue = state.screen == .queue
        let list = state.list
        let title = queue ? "Escalations: \(list.rows.count), by decision deadline"
            : "Reports: \(list.rows.count)" + (state.filter.isEmpty ? "" : " matching")
        // An open form has the keys: the list behind it is not focused.
        let focused = state.focus == .list && state.form == nil
        let inner = Box.draw(&grid, rect, title: title, focused: focused, border: border(state))
        let columns = fitting(queue ? queueColumns : triageColumns, width: inner.width)
        let visible = max(inner.height - 1, 0)
        var top = list.top
        if list.selected < top { top = list.selected }
        if list.selected >= top + visible { top = list.selected - visible + 1 }
        top = max(0, min(top, max(list.rows.count - visible, 0)))
        let slice = list.rows.isEmpty ? [] : Array(list.rows[top..<min(top + visible, list.rows.count)])
        let cells = slice.map { row in columns.map { $0.cell(row, state) } }
        Table.draw(&grid, inner, columns: columns.map(\.column), rows: cells,
                   selected: list.rows.isEmpty ? nil : list.selected - top, top: 0, focused: focused,
                   ellipsis: ellipsis(state))
        if list.rows.isEmpty, inner.height > 2 {
            grid.put(queue ? "No escalations waiting." : "No reports match the filter.", at: inner.x + 1, y: inner.y + 2, role: .dim, maxWidth: inner.width - 1)
        }
    }

    static func border(_ state: AppState) -> BorderStyle { state.session.unicode ? .unicode : .ascii }

    static func ellipsis(_ state: AppState) -> String { state.session.unicode ? "…" : "~" }
}
