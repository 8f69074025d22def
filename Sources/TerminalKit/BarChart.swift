/// Labelled horizontal bars scaled to the available width.
public enum BarChart {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Draws one bar per row: label (padded), bar, then the value.
    ///
    /// Bars scale so `maxValue` (default: the largest value) fills the bar area; any non-zero value shows at
    /// least a sliver. Unicode bars use █ and eighth blocks; with `unicode: false` they use `#`.
    public static func draw(
        _ grid: inout Grid, _ rect: Rect, bars: [(label: String, value: Int)],
        role: Role = .normal, unicode: Bool = true, maxValue: Int? = nil
    ) {
        grid.fill(rect, role: .normal)
        guard !rect.isEmpty, !bars.isEmpty else { return }
        let ellipsis = unicode ? "…" : "~"
        let widest = bars.map { DisplayWidth.of(TextSanitizer.clean($0.label)) }.max() ?? 0
        let labelWidth = min(widest, max(1, rect.width / 3))
        let valueWidth = bars.map { String($0.value).count }.max() ?? 1
        let barArea = rect.width - labelWidth - 1 - 1 - valueWidth
        let scale = max(1, maxValue ?? bars.map(\.value).max() ?? 1)
        for (offset, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + offset
            var x = rect.x
            if labelWidth > 0 {
                grid.put(TextLayout.pad(TextSanitizer.clean(bar.label), to: labelWidth, ellipsis: ellipsis), at: x, y: y, maxWidth: labelWidth)
                x += labelWidth + 1
            }
            if barArea > 0 {
                let text = barText(value: bar.value, scale: scale, area: barArea, unicode: unicode)
                x += grid.put(text, at: x, y: y, role: role, maxWidth: barArea)
                x += 1
            }
            grid.put(String(bar.value), at: x, y: y, maxWidth: rect.maxX - x)
        }
    }

    /// The bar for `value` out of `scale` in `area` columns.
    static func barText(value: Int, scale: Int, area: Int, unicode: Bool) -> String {
        let value = min(max(0, value), scale)
        guard value > 0, area > 0 else { return "" }
        if !unicode {
            let cells = max(1, (value * area + scale / 2) / scale)
            return String(repeating: "#", count: min(cells, area))
        }
        let units = max(1, value * area * 8 / scale)
        var text = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { text.append(eighths[units % 8 - 1]) }
        return text
    }
}
