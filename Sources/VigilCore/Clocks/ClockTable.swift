import Foundation

/// Response clocks per risk level: acknowledge (taken) within, decision within, reassess every.
public struct ClockTable: Codable, Sendable, Equatable {
    /// The three durations of one level, in seconds.
    public struct Limits: Codable, Sendable, Equatable {
        public var acknowledge: TimeInterval
        public var decision: TimeInterval
        public var reassess: TimeInterval

        public init(acknowledge: TimeInterval, decision: TimeInterval, reassess: TimeInterval) {
            self.acknowledge = acknowledge
            self.decision = decision
            self.reassess = reassess
        }
    }

    public var limits: [RiskLevel: Limits]

    public init(limits: [RiskLevel: Limits]) { self.limits = limits }

    public subscript(level: RiskLevel) -> Limits {
        limits[level] ?? Limits(acknowledge: 3600, decision: 86_400, reassess: 604_800)
    }

    /// Parses `level<TAB>acknowledge<TAB>decision<TAB>reassess` rows with durations like `4h` or `7d`.
    public static func parse(_ text: String, file: String) throws -> ClockTable {
        var limits: [RiskLevel: Limits] = [:]
        for row in try TSV.rows(text, file: file, minimumFields: 4) {
            guard let level = RiskLevel(rawValue: row.fields[0]) else {
                throw TSV.ParseError(file: file, line: row.line, problem: "unknown risk level '\(row.fields[0])'")
            }
            var durations: [TimeInterval] = []
            for field in row.fields[1...3] {
                guard let seconds = Duration.parse(field) else {
                    throw TSV.ParseError(file: file, line: row.line, problem: "'\(field)' is not a duration like 4h or 7d")
                }
                durations.append(seconds)
            }
            limits[level] = Limits(acknowledge: durations[0], decision: durations[1], reassess: durations[2])
        }
        for level in RiskLevel.allCases where limits[level] == nil {
            throw TSV.ParseError(file: file, line: 0, problem: "no row for level '\(level.rawValue)'")
        }
        return ClockTable(limits: limits)
    }

    /// Durations written as a number and a unit: m (minutes), h (hours), d (days).
    public enum Duration {
        public static func parse(_ text: String) -> TimeInterval? {
            guard let unit = text.last, let number = Double(text.dropLast()), number > 0 else { return nil }
            switch unit {
            case "m": return number * 60
            case "h": return number * 3600
            case "d": return number * 86_400
            default: return nil
            }
        }

        /// The shortest exact form: 90d, 24h, 30m.
        public static func format(_ seconds: TimeInterval) -> String {
            if seconds.truncatingRemainder(dividingBy: 86_400) == 0 { return "\(Int(seconds / 86_400))d" }
            if seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
            return "\(Int(seconds / 60))m"
        }
    }
}
