import Foundation

/// The risk formula of the New Protection Manual with the desk's floors, evaluated at an injected time.
public enum RiskModel {
    /// Acts that on their own put a report at high or above.
    public static let graveActs: Set<String> = ["death_threat", "killing", "attempted_killing"]
    /// Acts that count as an attack for the 30-day floor.
    public static let attackActs: Set<String> = [
        "physical_assault", "attempted_killing", "killing", "raid", "abduction", "disappearance", "sexual_harassment",
    ]
    public static let recentAttackDays = 30

    public static func score(threat: Int, vulnerability: Int, capacity: Int) -> Double {
        Double(threat * vulnerability) / Double(max(capacity, 1))
    }

    /// "4.5", "0.2", "25".
    public static func formatScore(_ score: Double) -> String {
        let rounded = (score * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// The floors that apply to a report's acts and incident date given the threat assessment, at time `now`.
    public static func floors(fields: ReportFields, threatAssessment: ThreatAssessment, now: Date) -> [RiskFloor] {
        var floors: [RiskFloor] = []
        for act in fields.acts where graveActs.contains(act) {
            floors.append(.graveAct(act))
        }
        if threatAssessment.perpetratorIdentified,
           let attack = fields.acts.first(where: { attackActs.contains($0) }),
           let latest = IncidentDate.latestInstant(fields.incidentDate) {
            let days = Int((now.timeIntervalSince(latest) / 86_400).rounded(.down))
            if days <= recentAttackDays {
                floors.append(.recentAttackByIdentifiedPerpetrator(act: attack, days: max(days, 0)))
            }
        }
        if threatAssessment.imminent { floors.append(.imminent) }
        return floors
    }

    /// Assesses a report: score, band, floors, override. The input must already be free of problems.
    public static func assess(fields: ReportFields, input: RiskInput, by actor: String, at now: Date) -> RiskAssessment {
        let score = score(threat: input.threat, vulnerability: input.vulnerability, capacity: input.capacity)
        let band = RiskLevel.band(forScore: score)
        let floors = floors(fields: fields, threatAssessment: input.threatAssessment, now: now)
        let computed = floors.map(\.minimum).reduce(band, max)
        return RiskAssessment(input: input, by: actor, at: now, score: score, band: band, floors: floors,
                              computedLevel: computed, level: input.levelOverride ?? computed)
    }

    /// The level used for clocks before a report is assessed: its act floors, and never below medium,
    /// because an unread report must not wait on the slowest clock.
    public static func provisionalLevel(fields: ReportFields) -> RiskLevel {
        fields.acts.contains(where: graveActs.contains) ? .high : .medium
    }
}
