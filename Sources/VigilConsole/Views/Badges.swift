import TerminalKit
import VigilCore

/// Text and roles that carry meaning without colour: badges spell the level, overdue has a `!`.
enum Badges {
    static func role(_ level: RiskLevel) -> StyleRole {
        switch level {
        case .low: .badgeLow
        case .medium: .badgeMedium
        case .high: .badgeHigh
        case .critical: .badgeCritical
        }
    }

    /// "CRIT 12.5", or "-- new" style placeholders before assessment.
    static func risk(_ report: Report) -> TableCell {
        guard let assessment = report.assessment else {
            // Unassessed: show the provisional level when it is high, marked with ? as not yet assessed.
            let provisional = report.effectiveLevel
            return provisional >= .high ? TableCell(provisional.badge + "?", role: role(provisional)) : TableCell("--", role: .dim)
        }
        return TableCell("\(assessment.level.badge) \(RiskModel.formatScore(assessment.score))", role: role(assessment.level))
    }

    static func due(_ row: ReportQuery.Row, now: Date) -> TableCell {
        guard let next = row.next else { return TableCell("-", role: .dim) }
        let text = Relative.describe(next.due, now: now) + " " + String(next.kind.rawValue.prefix(3))
        return row.overdue ? TableCell("!" + text, role: .overdue) : TableCell(text)
    }
}

import Foundation
