import Foundation

/// Incident dates as recorded: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with the precision they imply.
public enum IncidentDate {
    /// The precision code (`exact`, `month`, `year`) a date's form implies, or nil when it is malformed.
    public static func precision(of text: String) -> String? {
        parts(text).map { parts in
            switch parts.count {
            case 3: "exact"
            case 2: "month"
            default: "year"
            }
        }
    }

    /// The last instant the date could mean, so a month-precision attack still counts as recent.
    public static func latestInstant(_ text: String) -> Date? {
        guard let parts = parts(text) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents(year: parts[0], month: parts.count > 1 ? parts[1] : 12, day: 1)
        guard let firstDay = calendar.date(from: components) else { return nil }
        if parts.count == 3 {
            components.day = parts[2]
            return calendar.date(from: components).map { $0.addingTimeInterval(86_399) }
        }
        guard let nextMonth = calendar.date(byAdding: .month, value: 1, to: firstDay) else { return nil }
        return nextMonth.addingTimeInterval(-1)
    }

    private static func parts(_ text: String) -> [Int]? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, piece) in pieces.enumerated() {
            guard piece.count == widths[index], piece.allSatisfy(\.isASCII), let number = Int(piece) else { return nil }
            numbers.append(number)
        }
        if numbers.count > 1 && !(1...12).contains(numbers[1]) { return nil }
        if numbers.count > 2 {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let month = DateComponents(year: numbers[0], month: numbers[1])
            guard let date = calendar.date(from: month),
                  let days = calendar.range(of: .day, in: .month, for: date),
                  days.contains(numbers[2]) else { return nil }
        }
        return numbers
    }
}
