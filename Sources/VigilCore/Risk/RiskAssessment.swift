import Foundation

/// A saved risk assessment: the input, who made it and when, and how the level was reached.
public struct RiskAssessment: Codable, Sendable, Equatable {
    public var input: RiskInput
    public var by: String
    public var at: Date
    /// T x V / C, 0.2 .. 25.
    public var score: Double
    /// The band of the score alone.
    public var band: RiskLevel
    /// Floors that applied, in the order checked.
    public var floors: [RiskFloor]
    /// The level after floors, before any override.
    public var computedLevel: RiskLevel
    /// The level that stands: the override if one was given, else the computed level.
    public var level: RiskLevel

    /// One row of the printed breakdown, like taskwarrior's urgency table.
    public struct Line: Sendable, Equatable {
        public let label: String
        public let value: String
    }

    /// The breakdown as label/value rows, in reading order.
    public var breakdown: [Line] {
        var lines = [
            Line(label: "threat (T)", value: "\(input.threat)"),
            Line(label: "vulnerability (V)", value: "\(input.vulnerability)"),
            Line(label: "capacity (C)", value: "\(input.capacity)"),
            Line(label: "score T x V / C", value: RiskModel.formatScore(score)),
            Line(label: "band", value: band.rawValue),
        ]
        for floor in floors { lines.append(Line(label: "floor", value: floor.explanation)) }
        lines.append(Line(label: "computed level", value: computedLevel.rawValue))
        if let override = input.levelOverride {
            lines.append(Line(label: "override", value: "\(override.rawValue) by \(by): \(input.justification)"))
        }
        lines.append(Line(label: "level", value: level.rawValue))
        return lines
    }
}
