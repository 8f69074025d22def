import Foundation

/// ISO 8601 times in UTC, the one textual form of an instant in output, files and events.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// Accepts `2026-03-14T09:30:00Z`, with fractional seconds or an offset, or a bare date `2026-03-14` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingSpaces
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }

    /// `2026-03-14`, for dates shown without a time.
    public static func day(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// `2026-03-14 09:30`, for compact display.
    public static func minute(_ date: Date) -> String {
        let text = format(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }
}
