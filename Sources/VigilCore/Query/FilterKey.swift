/// The keys of the filter language (`desk:`, `risk:`, ...), shared by the CLI and the console.
public enum FilterKey: String, CaseIterable, Sendable {
    case desk, country, risk, status, assignee, act, perpetrator, sector, channel, tlp, verification, consent
    case since, until, overdue, id, text
    case escalatedTo = "escalated_to"
    case recordedBy = "recorded_by"
    case externalID = "external_id"
    /// Reports whose comments mention a user (`@amina`).
    case mentions

    /// Alternative spellings accepted when parsing.
    static let aliases: [String: FilterKey] = [
        "region": .desk, "level": .risk, "acts": .act, "perpetrators": .perpetrator, "sectors": .sector,
        "assigned": .assignee, "is": .status, "mention": .mentions,
    ]

    init?(word: String) {
        let lower = word.lowercased()
        guard let key = FilterKey(rawValue: lower) ?? FilterKey.aliases[lower] else { return nil }
        self = key
    }
}
