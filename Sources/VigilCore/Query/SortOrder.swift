/// How a report list is ordered. Overdue reports always come first (DOMAIN.md: "overdue items are shown first").
public struct SortOrder: Sendable, Equatable {
    /// The field sorted on.
    public enum Key: String, CaseIterable, Sendable {
        case received, risk, due, id, updated, status, desk
    }

    public var key: Key
    public var ascending: Bool

    public init(key: Key, ascending: Bool? = nil) {
        self.key = key
        // Natural directions: newest, riskiest and soonest first.
        self.ascending = ascending ?? [.due, .id, .desk, .status].contains(key)
    }

    /// The triage default: overdue first, then the soonest deadline.
    public static let triage = SortOrder(key: .due)

    /// `received`, `received:asc`, `risk:desc`, `-received` (descending), `+received` (ascending).
    public static func parse(_ text: String) -> SortOrder? {
        var text = text.lowercased()
        var ascending: Bool?
        if text.hasPrefix("-") { ascending = false; text.removeFirst() } else if text.hasPrefix("+") { ascending = true; text.removeFirst() }
        let parts = text.split(separator: ":")
        guard let first = parts.first, let key = Key(rawValue: String(first)) else { return nil }
        if parts.count == 2 {
            switch parts[1] {
            case "asc": ascending = true
            case "desc": ascending = false
            default: return nil
            }
        } else if parts.count > 2 {
            return nil
        }
        return SortOrder(key: key, ascending: ascending)
    }

    public var description: String { key.rawValue + (ascending ? ":asc" : ":desc") }
}
