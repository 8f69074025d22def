/// Splits a length among fixed and flexible parts.
public enum Layout {
    /// Sizes for `sizes` sharing `total` cells with `spacing` cells between neighbours.
    ///
    /// Fixed sizes are served first (in order), then every flexible minimum, then the remainder goes to flexible
    /// parts by weight, left to right for rounding. When space runs out the later parts shrink, down to 0: the
    /// result always has one entry per size, never negative, and never sums past `total`.
    public static func distribute(_ total: Int, _ sizes: [Length], spacing: Int = 0) -> [Int] {
        guard !sizes.isEmpty else { return [] }
        let gaps = max(0, spacing) * (sizes.count - 1)
        var remaining = max(0, total - gaps)
        var result = [Int](repeating: 0, count: sizes.count)
        for (index, size) in sizes.enumerated() {
            if case .fixed(let n) = size {
                result[index] = min(max(0, n), remaining)
                remaining -= result[index]
            }
        }
        var totalWeight = 0
        for (index, size) in sizes.enumerated() {
            if case .flex(let minimum, let weight) = size {
                result[index] = min(max(0, minimum), remaining)
                remaining -= result[index]
                totalWeight += max(0, weight)
            }
        }
        guard remaining > 0, totalWeight > 0 else { return result }
        let extra = remaining
        for (index, size) in sizes.enumerated() {
            if case .flex(_, let weight) = size {
                let share = extra * max(0, weight) / totalWeight
                result[index] += share
                remaining -= share
            }
        }
        // Hand out what rounding left over, one cell at a time, to weighted parts from the left.
        var index = 0
        while remaining > 0 {
            if case .flex(_, let weight) = sizes[index], weight > 0 {
                result[index] += 1
                remaining -= 1
            }
            index = (index + 1) % sizes.count
        }
        return result
    }
}
