/// Report ids: `R-<year>-<five digits>`, numbered per year of recording.
public enum ReportID {
    public static func make(year: Int, number: Int) -> String {
        let digits = String(number)
        return "R-\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    public static func parse(_ id: String) -> (year: Int, number: Int)? {
        let parts = id.split(separator: "-")
        guard parts.count == 3, parts[0] == "R", let year = Int(parts[1]), let number = Int(parts[2]) else { return nil }
        return (year, number)
    }

    /// Accepts `R-2026-00042`, `r-2026-42` and `2026-42`, returning the canonical form.
    public static func normalise(_ text: String) -> String? {
        var text = text.trimmingSpaces.uppercased()
        if !text.hasPrefix("R-") { text = "R-" + text }
        return parse(text).map { make(year: $0.year, number: $0.number) }
    }
}
