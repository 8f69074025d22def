import Foundation
import TerminalKit
import VigilCore

/// The form pane: fields with their errors at the field, pick lists narrowed as you type, and for the risk
/// assessment a live breakdown of score, band and floors.
enum FormView {
    static func draw(_ grid: inout Grid, _ rect: Rect, form: FormState, state: AppState) {
        let inner = Box.draw(&grid, rect, title: form.kind.title, focused: true, border: ReportListView.border(state))
        guard !inner.isEmpty else { return }
        // The form may be drawn over the list (one-pane layouts): clear what it covers.
        grid.fill(inner, role: .normal)
        var area = inner
        var header: [StyledLine] = []
        if let error = form.formError { header += TextLayout.wrap(error, width: area.width).map { StyledLine($0, role: .error) } }
        let dot = state.session.unicode ? " · " : " - "
        header.append(StyledLine("Tab/S-Tab move" + dot + "C-s or Enter on the last field saves" + dot + "Esc cancels", role: .dim))
        if case .assess(let id) = form.kind, let report = state.desk.report(id) {
            header += preview(form: form, report: report, now: state.now, width: area.width)
        }
        let headerRows = min(header.count, max(area.height - 2, 0))
        TextView.draw(&grid, Rect(x: area.x, y: area.y, width: area.width, height: headerRows), lines: Array(header.prefix(headerRows)))
        area = area.inset(top: headerRows)
        // Scroll so the focused field is on screen.
        let heights = form.fields.map(\.height)
        var start = 0
        while start < form.focus && heights[start...form.focus].reduce(0, +) > area.height { start += 1 }
        var y = area.y
        let labelWidth = min((form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 3, area.width / 2)
        for index in start..<form.fields.count {
            let field = form.fields[index]
            guard y + 1 < area.maxY || (y < area.maxY && field.height == 1) else { break }
            let height = min(field.height, area.maxY - y)
            drawField(&grid, Rect(x: area.x, y: y, width: area.width, height: height), field: field,
                      focused: index == form.focus, labelWidth: labelWidth, state: state)
            y += height
        }
    }

    static func label(_ field: FormField) -> String { field.label + (field.required ? " *" : "") }

    /// The label padded to the label column, cut with an ellipsis so at least one space is left before the value.
    static func fitted(_ field: FormField, _ labelWidth: Int, _ ellipsis: String) -> String {
        TextLayout.pad(label(field), to: max(labelWidth - 1, 0), ellipsis: ellipsis) + " "
    }

    static func drawField(_ grid: inout Grid, _ rect: Rect, field: FormField, focused: Bool, labelWidth: Int, state: AppState) {
        let ellipsis = ReportListView.ellipsis(state)
        switch field.kind {
        case .text:
            _ = FormFieldView.draw(&grid, rect, label: fitted(field, labelWidth, ellipsis), editor: field.editor, error: field.error ?? (focused ? field.hint : nil),
                                   focused: focused, labelWidth: labelWidth, ellipsis: ellipsis)
            if field.error == nil, focused, field.hint != nil, rect.height > 1 { grid.setRole(.dim, in: rect.row(1)) }
        case .secret:
            // Never the passphrase itself on screen (nor in a scrollback or a capture): one mask per character.
            let mask = String(repeating: state.session.unicode ? "•" : "*", count: field.editor.text.count)
            _ = FormFieldView.draw(&grid, rect, label: fitted(field, labelWidth, ellipsis), editor: LineEditor(mask, cursor: field.editor.cursor),
                                   error: field.error ?? (focused ? field.hint : nil), focused: focused, labelWidth: labelWidth, ellipsis: ellipsis)
        case .multiline:
            FormFieldView.drawMultiline(&grid, rect, label: label(field) + (focused && field.hint != nil ? "  (\(field.hint ?? ""))" : ""), editor: field.editor,
                                        error: field.error, focused: focused, ellipsis: ellipsis)
        case .scale:
            grid.fill(rect, role: .normal)
            grid.put(fitted(field, labelWidth, ellipsis), at: rect.x, y: rect.y, role: focused ? .focus : .prompt)
            var x = rect.x + labelWidth
            for value in 1...5 {
                let selected = value == field.scale
                x += grid.put(selected ? "[\(value)]" : " \(value) ", at: x, y: rect.y, role: selected ? (focused ? .selection : .title) : .dim)
            }
            if rect.height > 1 {
                grid.put(field.error ?? (focused ? field.hint ?? "" : ""), at: rect.x + labelWidth, y: rect.y + 1,
                         role: field.error == nil ? .dim : .error, maxWidth: rect.width - labelWidth)
            }
        case .toggle:
            grid.fill(rect, role: .normal)
            grid.put(fitted(field, labelWidth, ellipsis), at: rect.x, y: rect.y, role: focused ? .focus : .prompt)
            grid.put(field.toggle ? "[x] yes" : "[ ] no", at: rect.x + labelWidth, y: rect.y, role: focused ? .selection : .normal)
            if rect.height > 1, let error = field.error { grid.put(error, at: rect.x + labelWidth, y: rect.y + 1, role: .error, maxWidth: rect.width - labelWidth) }
        case .pick(_, let multiple):
            grid.fill(rect, role: .normal)
            let picked = field.pickedLabels().joined(separator: ", ")
            let shown = picked.isEmpty ? (multiple ? "(none)" : "(not set)") : picked
            grid.put(fitted(field, labelWidth, ellipsis), at: rect.x, y: rect.y, role: focused ? .focus : .prompt)
            grid.put(TextSanitizer.clean(shown), at: rect.x + labelWidth, y: rect.y, role: picked.isEmpty ? .dim : .normal,
                     maxWidth: rect.width - labelWidth)
            guard rect.height > 1 else { return }
            if let error = field.error {
                grid.put(error, at: rect.x + labelWidth, y: rect.y + 1, role: .error, maxWidth: rect.width - labelWidth)
                return
            }
            guard focused else { return }
            var line = StyledLine()
            line.append("> " + field.editor.text, role: .input)
            line.append(" ", role: .inputCursor)
            grid.put(line, at: rect.x + labelWidth, y: rect.y + 1, maxWidth: rect.width - labelWidth)
            let options = field.narrowed
            var x = rect.x + labelWidth
            let y = rect.y + 2
            guard y < rect.maxY else { return }
            if options.isEmpty { grid.put("no match", at: x, y: y, role: .error); return }
            let first = max(0, field.highlight - 3)
            for (offset, option) in options.dropFirst(first).prefix(8).enumerated() {
                let index = first + offset
                let mark = multiple ? (field.picked.contains(option.code) ? "[x]" : "[ ]") : ""
                let text = mark + option.label + "  "
                guard x + DisplayWidth.of(text) <= rect.maxX else { break }
                x += grid.put(text, at: x, y: y, role: index == field.highlight ? .selection : .normal)
            }
        }
    }

    /// The live risk breakdown, recomputed from the scales as they change.
    static func preview(form: FormState, report: Report, now: Date, width: Int) -> [StyledLine] {
        let input = form.riskInput
        let assessment = RiskModel.assess(fields: report.fields, input: input, by: "", at: now)
        let formula = "T\(input.threat) x V\(input.vulnerability) / C\(input.capacity) = \(RiskModel.formatScore(assessment.score))  band \(assessment.band.rawValue)"
        var line = StyledLine(formula + "  -> ")
        line.append(" \(assessment.level.badge) ", role: Badges.role(assessment.level))
        var lines = [line]
        if line.width > width {
            var level = StyledLine("-> ")
            level.append(" \(assessment.level.badge) ", role: Badges.role(assessment.level))
            lines = [StyledLine(formula), level]
        }
        for floor in assessment.floors { lines.append(StyledLine("floor: " + floor.explanation, role: .warning)) }
        if input.levelOverride != nil {
            lines.append(StyledLine("override: computed \(assessment.computedLevel.rawValue), set \(assessment.level.rawValue)", role: .warning))
        }
        return lines
    }
}
