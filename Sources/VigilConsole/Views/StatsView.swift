import TerminalKit
import VigilCore

/// Statistics over the active filter: desk x risk, counts by status and act, reports per week as bars.
enum StatsView {
    static func draw(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        let inner = Box.draw(&grid, rect, title: "Statistics: " + (state.filter.isEmpty ? "all reports" : state.filter.text),
                             focused: true, border: ReportListView.border(state))
        guard !inner.isEmpty else { return }
        let facets = state.statistics ?? Facets.count(state.desk, filter: state.filter, context: state.context)
        let halves = inner.width >= 100 ? inner.columns([.flex(weight: 3), .flex(weight: 2)], spacing: 2) : [inner]
        var lines = deskRisk(facets, state: state, width: halves[0].width)
        lines.append(StyledLine())
        lines.append(StyledLine("Status", role: .header))
        for status in Status.allCases {
            lines.append(StyledLine(TextLayout.pad(status.label, to: 14) + TextLayout.pad(String(facets.byStatus[status.rawValue] ?? 0), to: 6, align: .right)))
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Acts", role: .header))
        for (act, count) in facets.byAct.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(10) {
            lines.append(StyledLine(TextLayout.pad(act, to: 20) + TextLayout.pad(String(count), to: 6, align: .right)))
        }
        let weeks = facets.byWeek.keys.sorted().suffix(16).map { (label: String($0.dropFirst(5)), value: facets.byWeek[$0]!) }
        if halves.count == 2 {
            TextView.draw(&grid, halves[0], lines: lines)
            grid.put("Reports per week (received)", at: halves[1].x, y: halves[1].y, role: .header, maxWidth: halves[1].width)
            BarChart.draw(&grid, halves[1].inset(top: 1), bars: weeks, unicode: state.session.unicode)
        } else {
            // Narrow: one scrolling column (j/k), with the weekly bars drawn as text.
            lines.append(StyledLine())
            lines.append(StyledLine("Reports per week (received)", role: .header))
            let most = max(weeks.map(\.value).max() ?? 1, 1)
            let room = max(inner.width - 12, 1)
            for week in weeks {
                let length = max(week.value * room / most, week.value > 0 ? 1 : 0)
                var line = StyledLine(TextLayout.pad(week.label, to: 6))
                line.append(String(repeating: state.session.unicode ? "█" : "#", count: length), role: .title)
                line.append(" \(week.value)")
                lines.append(line)
            }
            TextView.draw(&grid, inner, lines: lines, top: min(state.detailScroll, max(lines.count - inner.height, 0)))
        }
    }

    static func deskRisk(_ facets: Facets, state: AppState, width: Int) -> [StyledLine] {
        let risks = RiskLevel.allCases.reversed().map(\.rawValue) + [Facets.unassessed]
        let headers = ["crit", "high", "med", "low", "none", "all"]
        let deskWidth = max(min(width - headers.count * 6, 28), 8)
        var lines = [StyledLine(TextLayout.pad("\(facets.total) reports, \(facets.overdue) overdue", to: width), role: facets.overdue > 0 ? .overdue : .title)]
        lines.append(StyledLine(TextLayout.pad("Desk", to: deskWidth) + headers.map { TextLayout.pad($0, to: 6, align: .right) }.joined(), role: .header))
        for desk in state.desk.vocabularies.desks.terms {
            let counts = facets.deskRisk[desk.code] ?? [:]
            var line = StyledLine(TextLayout.pad(desk.label, to: deskWidth, ellipsis: ReportListView.ellipsis(state)))
            for (index, risk) in risks.enumerated() {
                let count = counts[risk] ?? 0
                let role: StyleRole = count == 0 ? .dim : index == 0 ? .badgeCritical : index == 1 ? .badgeHigh : .normal
                line.append(TextLayout.pad(String(count), to: 6, align: .right), role: role)
            }
            line.append(TextLayout.pad(String(facets.byDesk[desk.code] ?? 0), to: 6, align: .right), role: .title)
            lines.append(line)
        }
        return lines
    }
}
