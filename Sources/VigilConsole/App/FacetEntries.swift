import VigilCore

/// The facet pane's rows: desks, risk levels, statuses and overdue, each with its count and the filter term it sets.
public struct FacetEntry: Sendable, Equatable {
    /// A heading line or a selectable entry.
    public enum Kind: Sendable, Equatable { case heading, entry }

    public let kind: Kind
    public let label: String
    public let count: Int?
    /// The filter key this entry sets (`desk`, `risk`, `status`, `overdue`), and its value.
    public let key: String?
    public let value: String?
}

extension AppState {
    public var facetEntries: [FacetEntry] {
        var entries: [FacetEntry] = []
        func heading(_ text: String) { entries.append(FacetEntry(kind: .heading, label: text, count: nil, key: nil, value: nil)) }
        heading("Overdue")
        entries.append(FacetEntry(kind: .entry, label: "overdue", count: facets.overdue, key: "overdue", value: "yes"))
        heading("Desks")
        for desk in desk.vocabularies.desks.terms {
            entries.append(FacetEntry(kind: .entry, label: desk.label, count: facets.byDesk[desk.code] ?? 0, key: "desk", value: desk.code))
        }
        heading("Risk")
        for level in RiskLevel.allCases.reversed() {
            entries.append(FacetEntry(kind: .entry, label: level.rawValue, count: facets.byRisk[level.rawValue] ?? 0, key: "risk", value: level.rawValue))
        }
        entries.append(FacetEntry(kind: .entry, label: "unassessed", count: facets.byRisk[Facets.unassessed] ?? 0, key: "risk", value: "none"))
        heading("Status")
        for status in Status.allCases {
            entries.append(FacetEntry(kind: .entry, label: status.label, count: facets.byStatus[status.rawValue] ?? 0, key: "status", value: status.rawValue))
        }
        return entries
    }
}

/// Edits filter text term by term, so a facet replaces its key's term and keeps the rest.
enum FilterTerms {
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { terms.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }

    /// The text with any `key:` term replaced by `key:value`, or removed when it already was exactly that.
    static func toggling(_ text: String, key: String, value: String) -> String {
        let term = "\(key):\(value)"
        var kept = terms(text).filter { !$0.lowercased().hasPrefix(key + ":") }
        if !terms(text).contains(term) { kept.append(term) }
        return kept.joined(separator: " ")
    }
}
