import Foundation
import TerminalKit
import VigilCore

/// The detail pane: every field grouped, the narrative wrapped, the risk breakdown, clocks, comments, links and
/// the history (who, when, what changed from what to what).
enum DetailView {
    static func lines(_ report: Report, state: AppState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let width = max(width, 10)
        for (index, line) in TextLayout.wrap(report.id + "  " + TextSanitizer.clean(report.fields.title), width: width).enumerated() {
            lines.append(StyledLine(line, role: index == 0 ? .title : .normal))
        }
        var badge = StyledLine()
        if let assessment = report.assessment {
            badge.append(" \(assessment.level.badge) ", role: Badges.role(assessment.level))
            badge.append(" score \(RiskModel.formatScore(assessment.score))  ")
        } else {
            badge.append(" UNASSESSED ", role: .dim)
            badge.append("  ")
        }
        badge.append(report.status.label, role: .header)
        lines.append(badge)
        if let viewers = state.viewers[report.id], !viewers.isEmpty {
            lines.append(StyledLine(viewers.joined(separator: ", ") + (viewers.count == 1 ? " is" : " are") + " viewing", role: .link))
        }
        if state.desk.clocks.isOverdue(report, at: state.now) {
            // On its own line when it does not fit beside the status, so a narrow pane never cuts it off.
            if badge.width + 10 <= width { lines[lines.count - 1].append("  !OVERDUE", role: .overdue) } else { lines.append(StyledLine("!OVERDUE", role: .overdue)) }
        }
        if let duplicates = state.duplicates, duplicates.id == report.id, !duplicates.candidates.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("Possible duplicates (\(state.keymap.label(for: .duplicates)) to confirm or dismiss)", role: .warning))
            for candidate in duplicates.candidates {
                for line in TextLayout.wrap(candidate.id + ": " + candidate.reasons.joined(separator: ", "), width: width) {
                    lines.append(StyledLine(line))
                }
            }
        }
        for section in ReportDetail.sections(report, state: state.desk, now: state.now) {
            let rows = section.rows.filter { !$0.1.isEmpty }
            guard !rows.isEmpty else { continue }
            lines.append(StyledLine())
            lines.append(StyledLine(section.title, role: .header))
            let labelWidth = min(rows.map { DisplayWidth.of($0.0) }.max() ?? 0, max(width * 2 / 5, 8))
            for (label, raw) in rows {
                let value = ReportDetail.sensitiveRows[label].map { Privacy.isShown($0, of: report, in: state) } == false ? Privacy.mask(state) : raw
                let valueRole: StyleRole = value.hasPrefix("OVERDUE") ? .overdue : .normal
                let wrapped = TextLayout.wrap(TextSanitizer.clean(value), width: max(width - labelWidth - 2, 4))
                for (index, piece) in wrapped.enumerated() {
                    var line = StyledLine()
                    line.append(index == 0 ? TextLayout.pad(label, to: labelWidth, ellipsis: ReportListView.ellipsis(state)) : String(repeating: " ", count: labelWidth), role: .dim)
                    line.append("  " + piece, role: valueRole)
                    lines.append(line)
                }
            }
        }
        if !report.fields.narrative.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("Narrative", role: .header))
            for line in TextLayout.wrap(TextSanitizer.clean(report.fields.narrative), width: width) { lines.append(StyledLine(line)) }
        }
        if !report.comments.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("Comments (\(report.comments.count))", role: .header))
            for comment in report.comments {
                lines.append(StyledLine("\(comment.author), \(Timestamp.minute(comment.at))", role: .dim))
                for line in TextLayout.wrap(TextSanitizer.clean(comment.text), width: max(width - 2, 4)) { lines.append(StyledLine("  " + line)) }
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("History", role: .header))
        if let history = state.history, history.id == report.id, !history.events.isEmpty {
            for event in history.events {
                var head = StyledLine()
                head.append("#\(event.seq) \(Timestamp.minute(event.time)) ", role: .dim)
                head.append(event.actor, role: .key)
                lines.append(head)
                for line in TextLayout.wrap(TextSanitizer.clean(EventSummary.describe(event)), width: max(width - 2, 4)) {
                    lines.append(StyledLine("  " + line))
                }
            }
        } else {
            lines.append(StyledLine("loading...", role: .dim))
        }
        return lines
    }

    static func draw(_ grid: inout Grid, _ rect: Rect, state: AppState) {
        let inner = Box.draw(&grid, rect, title: "Detail", focused: state.focus == .detail, border: ReportListView.border(state))
        guard let report = state.selectedReport else {
            grid.put("Select a report to see its detail.", at: inner.x, y: inner.y, role: .dim, maxWidth: inner.width)
            return
        }
        let all = lines(report, state: state, width: inner.width)
        let top = min(state.detailScroll, max(all.count - inner.height, 0))
        TextView.draw(&grid, inner, lines: all, top: top)
    }
}
