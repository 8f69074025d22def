/// A rule that raises the computed band to a minimum level.
public enum RiskFloor: Codable, Sendable, Hashable {
    /// A grave act (death threat, attempted killing, killing) sets at least high.
    case graveAct(String)
    /// An attack within 30 days by an identified perpetrator sets at least high.
    case recentAttackByIdentifiedPerpetrator(act: String, days: Int)
    /// An imminent threat is always critical.
    case imminent

    public var minimum: RiskLevel {
        switch self {
        case .graveAct, .recentAttackByIdentifiedPerpetrator: .high
        case .imminent: .critical
        }
    }

    public var explanation: String {
        switch self {
        case .graveAct(let act): "act '\(act)' => at least high"
        case .recentAttackByIdentifiedPerpetrator(let act, let days):
            "'\(act)' \(days) days before assessment by an identified perpetrator => at least high"
        case .imminent: "imminent => critical"
        }
    }
}
