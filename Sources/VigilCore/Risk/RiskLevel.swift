/// The four risk bands, ordered low < medium < high < critical.
public enum RiskLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high, critical

    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }

    /// The band a score falls in: low < 2 <= medium < 5 <= high < 10 <= critical.
    public static func band(forScore score: Double) -> RiskLevel {
        switch score {
        case ..<2: .low
        case ..<5: .medium
        case ..<10: .high
        default: .critical
        }
    }

    /// A short badge that carries the meaning without colour.
    public var badge: String {
        switch self {
        case .low: "LOW"
        case .medium: "MED"
        case .high: "HIGH"
        case .critical: "CRIT"
        }
    }

    /// Parses a level name or its badge, ignoring case.
    public init?(text: String) {
        let lower = text.lowercased()
        if let level = RiskLevel(rawValue: lower) { self = level; return }
        guard let level = RiskLevel.allCases.first(where: { $0.badge.lowercased() == lower }) else { return nil }
        self = level
    }
}
