import Foundation

/// Suggests reports that may be about the same defender and incident: a similar pseudonym or real name
/// (ignoring case, accents and common transliterations), the same country, incidents within 30 days.
/// Suggestions are only suggestions: an officer confirms (links as duplicate) or dismisses them.
public enum DuplicateFinder {
    /// A likely duplicate and why it was suggested.
    public struct Candidate: Sendable, Equatable {
        public let id: String
        public let reasons: [String]
    }

    public static let windowDays = 30.0

    public static func candidates(for report: Report, in state: DeskState, limit: Int = 5) -> [Candidate] {
        let names = Set([report.fields.defenderPseudonym, report.fields.defenderRealName].map(key).filter { !$0.isEmpty })
        guard !names.isEmpty else { return [] }
        let when = incidentTime(report)
        let linked = Set(report.links.map(\.target))
        var found: [Candidate] = []
        let dismissed = Set(report.dismissedDuplicates)
        for other in state.reports where other.id != report.id && other.fields.country == report.fields.country
            && !linked.contains(other.id) && !dismissed.contains(other.id) && !other.dismissedDuplicates.contains(report.id) {
            let otherNames = Set([other.fields.defenderPseudonym, other.fields.defenderRealName].map(key).filter { !$0.isEmpty })
            guard !names.isDisjoint(with: otherNames) else { continue }
            let days = abs(incidentTime(other).timeIntervalSince(when)) / 86_400
            guard days <= windowDays else { continue }
            let name = report.fields.defenderPseudonym.isEmpty ? report.fields.defenderRealName : report.fields.defenderPseudonym
            found.append(Candidate(id: other.id, reasons: ["same defender (\(name))", "same country (\(report.fields.country))",
                                                           "\(Int(days.rounded())) days apart"]))
            if found.count == limit { break }
        }
        return found
    }

    /// A name reduced for comparison: case and accents folded, spaces and punctuation dropped, and a few
    /// common transliteration variants made equal (y/i, ph/f, ou/u, kh/h, j/dj, double letters, vowels after the
    /// first letter).
    public static func key(_ name: String) -> String {
        var text = TextFold.fold(name).filter { $0.isLetter || $0.isNumber }
        for (from, to) in [("ph", "f"), ("ou", "u"), ("kh", "h"), ("dj", "j"), ("y", "i"), ("w", "v"), ("ck", "k"), ("q", "k")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        var squeezed = ""
        // Doubled letters are a transliteration habit (Hassan, Hasan); doubled digits are another number.
        for character in text where squeezed.last != character || character.isNumber { squeezed.append(character) }
        // Vowels are where transliterations disagree most (Mohammed, Muhammad): compare the consonant skeleton.
        guard let first = squeezed.first else { return "" }
        return String(first) + squeezed.dropFirst().filter { !"aeiou".contains($0) }
    }

    private static func incidentTime(_ report: Report) -> Date {
        IncidentDate.latestInstant(report.fields.incidentDate) ?? report.fields.receivedAt
    }
}
