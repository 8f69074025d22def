/// Report ids: `R-<year>-<five digits>`, numbered per year of recording.
public enum ReportID {
    public static func make(year: Int, number: Int) -> String {
        let digits = String(number)
        return "R-\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Reads `R-<year>-<number>` by scanning bytes: it runs for every report when a store opens.
    public static func parse(_ id: String) -> (year: Int, number: Int)? {
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "R"), utf8.next() == UInt8(ascii: "-") else { return nil }
        var year = 0, number = 0, yearDigits = 0, numberDigits = 0
        var inNumber = false
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "-") {
                guard !inNumber, yearDigits > 0 else { return nil }
                inNumber = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if inNumber {
                guard numberDigits < 18 else { return nil }
                number = number * 10 + digit
                numberDigits += 1
            } else {
                guard yearDigits < 18 else { return nil }
                year = year * 10 + digit
                yearDigits += 1
            }
        }
        guard inNumber, numberDigits > 0 else { return nil }
        return (year, number)
    }

    /// Accepts `R-2026-00042`, `r-2026-42` and `2026-42`, returning the canonical form.
    public static func normalise(_ text: String) -> String? {
        var text = text.trimmingSpaces.uppercased()
        if !text.hasPrefix("R-") { text = "R-" + text }
        return parse(text).map { make(year: $0.year, number: $0.number) }
    }
}
