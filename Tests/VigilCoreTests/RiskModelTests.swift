import Foundation
import Testing
import VigilCore

@Suite struct RiskModelTests {
    private func assess(_ input: RiskInput, _ values: [ReportField: String] = [:], at now: Date = fixedNow) throws -> RiskAssessment {
        RiskModel.assess(fields: try validFields(values), input: input, by: "olga", at: now)
    }

    // MARK: score and bands

    @Test(arguments: [
        (1, 1, 5, 0.2, RiskLevel.low),
        (3, 3, 5, 1.8, .low),
        (1, 2, 1, 2.0, .medium),
        (2, 2, 2, 2.0, .medium),
        (3, 3, 2, 4.5, .medium),
        (4, 5, 5, 4.0, .medium),
        (5, 1, 1, 5.0, .high),
        (3, 3, 1, 9.0, .high),
        (5, 2, 1, 10.0, .critical),
        (4, 5, 2, 10.0, .critical),
        (5, 5, 1, 25.0, .critical),
    ])
    func scoreAndBand(threat: Int, vulnerability: Int, capacity: Int, score: Double, band: RiskLevel) throws {
        let input = RiskInput(threat: threat, vulnerability: vulnerability, capacity: capacity)
        #expect(RiskModel.score(threat: threat, vulnerability: vulnerability, capacity: capacity) == score)
        let assessment = try assess(input)
        #expect(assessment.score == score)
        #expect(assessment.band == band)
        #expect(assessment.floors.isEmpty)
        #expect(assessment.computedLevel == band)
        #expect(assessment.level == band)
    }

    @Test(arguments: [
        (0.2, RiskLevel.low), (1.999, .low), (2.0, .medium), (4.999, .medium), (5.0, .high), (9.999, .high),
        (10.0, .critical), (25.0, .critical),
    ])
    func bandBoundaries(score: Double, level: RiskLevel) {
        #expect(RiskLevel.band(forScore: score) == level)
    }

    @Test func extremesOfTheScale() {
        #expect(RiskModel.score(threat: 1, vulnerability: 1, capacity: 5) == 0.2)
        #expect(RiskModel.score(threat: 5, vulnerability: 5, capacity: 1) == 25)
    }

    @Test(arguments: [(0.2, "0.2"), (4.5, "4.5"), (25.0, "25"), (2.0, "2"), (10.0 / 3.0, "3.3"), (1.25, "1.3")])
    func scoreFormatting(score: Double, text: String) {
        #expect(RiskModel.formatScore(score) == text)
    }

    // MARK: levels

    @Test func levelsAreOrdered() {
        #expect(RiskLevel.low < .medium && RiskLevel.medium < .high && RiskLevel.high < .critical)
        #expect(RiskLevel.allCases.sorted() == [.low, .medium, .high, .critical])
    }

    @Test(arguments: [("low", RiskLevel.low), ("MEDIUM", .medium), ("med", .medium), ("High", .high),
                      ("crit", .critical), ("CRIT", .critical)])
    func levelFromText(text: String, level: RiskLevel) {
        #expect(RiskLevel(text: text) == level)
    }

    @Test func unknownLevelText() {
        #expect(RiskLevel(text: "hihg") == nil)
        #expect(RiskLevel(text: "") == nil)
    }

    // MARK: floors

    @Test(arguments: ["death_threat", "killing", "attempted_killing"])
    func graveActRaisesLowToHigh(act: String) throws {
        let assessment = try assess(.low, [.acts: "threat;\(act)"])
        #expect(assessment.band == .low)
        #expect(assessment.floors == [.graveAct(act)])
        #expect(assessment.computedLevel == .high)
        #expect(assessment.level == .high)
    }

    @Test func graveActDoesNotLowerCritical() throws {
        let assessment = try assess(.critical, [.acts: "death_threat"])
        #expect(assessment.floors == [.graveAct("death_threat")])
        #expect(assessment.level == .critical)
    }

    @Test func everyGraveActIsListedAsAFloor() throws {
        let assessment = try assess(.low, [.acts: "killing;death_threat"])
        #expect(assessment.floors == [.graveAct("killing"), .graveAct("death_threat")])
    }

    @Test func recentAttackByIdentifiedPerpetratorRaisesToHigh() throws {
        // The incident was on 2026-05-10; now is 2026-05-28T20:26:40Z, 17 whole days after the end of that day.
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        let assessment = try assess(input, [.acts: "surveillance;physical_assault", .incidentDate: "2026-05-10"])
        #expect(assessment.floors == [.recentAttackByIdentifiedPerpetrator(act: "physical_assault", days: 17)])
        #expect(assessment.level == .high)
    }

    @Test func attackFloorNeedsAnIdentifiedPerpetrator() throws {
        let assessment = try assess(.low, [.acts: "physical_assault", .incidentDate: "2026-05-10"])
        #expect(assessment.floors.isEmpty)
        #expect(assessment.level == .low)
    }

    @Test func attackFloorNeedsAnAttackAct() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        let assessment = try assess(input, [.acts: "surveillance;threat", .incidentDate: "2026-05-27"])
        #expect(assessment.floors.isEmpty)
    }

    @Test func attackFloorNeedsADate() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        let assessment = try assess(input, [.acts: "raid"])
        #expect(assessment.floors.isEmpty)
    }

    /// The floor holds up to 30 whole days after the last instant the incident date could mean.
    @Test(arguments: [
        ("2026-04-28", true),   // ends 2026-04-28T23:59:59Z: 29 days 20 h before now
        ("2026-04-27", true),   // 30 days 20 h: 30 whole days
        ("2026-04-26", false),  // 31 whole days
        ("2026-04", true),      // month precision: counts from 2026-04-30T23:59:59Z
        ("2026-03", false),
        ("2026", true),         // year precision: the year has not ended
        ("2025", false),
        ("2026-06-02", true),   // a date after now (typo or time zone) counts as 0 days
    ])
    func attackFloorWindow(date: String, applies: Bool) throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        let assessment = try assess(input, [.acts: "abduction", .incidentDate: date])
        #expect(assessment.floors.isEmpty == !applies)
        #expect(assessment.level == (applies ? .high : .low))
    }

    @Test func futureIncidentCountsAsZeroDays() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        let assessment = try assess(input, [.acts: "raid", .incidentDate: "2026-06-02"])
        #expect(assessment.floors == [.recentAttackByIdentifiedPerpetrator(act: "raid", days: 0)])
    }

    @Test func imminentMakesCritical() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5, threatAssessment: ThreatAssessment(imminent: true))
        let assessment = try assess(input)
        #expect(assessment.band == .low)
        #expect(assessment.floors == [.imminent])
        #expect(assessment.computedLevel == .critical)
        #expect(assessment.level == .critical)
    }

    @Test func floorsAreListedInTheOrderChecked() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(perpetratorIdentified: true, imminent: true))
        let assessment = try assess(input, [.acts: "attempted_killing", .incidentDate: "2026-05-27"])
        #expect(assessment.floors == [
            .graveAct("attempted_killing"),
            .recentAttackByIdentifiedPerpetrator(act: "attempted_killing", days: 0),
            .imminent,
        ])
        #expect(assessment.level == .critical)
    }

    @Test func floorMinimumsAndExplanations() {
        #expect(RiskFloor.graveAct("killing").minimum == .high)
        #expect(RiskFloor.recentAttackByIdentifiedPerpetrator(act: "raid", days: 3).minimum == .high)
        #expect(RiskFloor.imminent.minimum == .critical)
        #expect(RiskFloor.graveAct("killing").explanation == "act 'killing' => at least high")
        #expect(RiskFloor.recentAttackByIdentifiedPerpetrator(act: "raid", days: 3).explanation
            == "'raid' 3 days before assessment by an identified perpetrator => at least high")
        #expect(RiskFloor.imminent.explanation == "imminent => critical")
    }

    // MARK: override

    @Test func overrideSetsTheLevelButKeepsTheComputedOne() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5, levelOverride: .high,
                              justification: "the family was visited by armed men last night")
        let assessment = try assess(input)
        #expect(assessment.computedLevel == .low)
        #expect(assessment.level == .high)
        #expect(input.problems().isEmpty)
    }

    @Test func overrideMayGoBelowAFloor() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5, levelOverride: .medium,
                              justification: "the threat was withdrawn publicly")
        let assessment = try assess(input, [.acts: "death_threat"])
        #expect(assessment.computedLevel == .high)
        #expect(assessment.level == .medium)
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func overrideRequiresJustification(justification: String) {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5, levelOverride: .critical, justification: justification)
        #expect(input.problems() == [
            FieldError(field: "justification", message: "a different level needs a written justification"),
        ])
    }

    // MARK: input problems

    @Test func scaleIsOneToFive() {
        let input = RiskInput(threat: 0, vulnerability: 6, capacity: 3)
        #expect(input.problems() == [
            FieldError(field: "threat", message: "0 is not on the scale 1..5"),
            FieldError(field: "vulnerability", message: "6 is not on the scale 1..5"),
        ])
        #expect(RiskInput(threat: 3, vulnerability: 3, capacity: 0).problems()
            == [FieldError(field: "capacity", message: "0 is not on the scale 1..5")])
    }

    @Test func patternMustBeFromTheVocabulary() {
        #expect(RiskInput(threat: 1, vulnerability: 1, capacity: 1,
                          threatAssessment: ThreatAssessment(pattern: "escalating")).problems().isEmpty)
        let problems = RiskInput(threat: 1, vulnerability: 1, capacity: 1,
                                 threatAssessment: ThreatAssessment(pattern: "sporadic")).problems()
        #expect(problems == [FieldError(field: "pattern", message: "'sporadic' is not one of first, repeated, escalating")])
    }

    // MARK: breakdown

    @Test func breakdownWithoutFloorsOrOverride() throws {
        let assessment = try assess(RiskInput(threat: 3, vulnerability: 3, capacity: 2))
        #expect(assessment.breakdown.map { "\($0.label): \($0.value)" } == [
            "threat (T): 3",
            "vulnerability (V): 3",
            "capacity (C): 2",
            "score T x V / C: 4.5",
            "band: medium",
            "computed level: medium",
            "level: medium",
        ])
    }

    @Test func breakdownWithFloorsAndOverride() throws {
        let input = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                              threatAssessment: ThreatAssessment(imminent: true),
                              levelOverride: .high, justification: "the defender has left the area")
        let assessment = try assess(input, [.acts: "death_threat"])
        #expect(assessment.breakdown.map { "\($0.label): \($0.value)" } == [
            "threat (T): 1",
            "vulnerability (V): 1",
            "capacity (C): 5",
            "score T x V / C: 0.2",
            "band: low",
            "floor: act 'death_threat' => at least high",
            "floor: imminent => critical",
            "computed level: critical",
            "override: high by olga: the defender has left the area",
            "level: high",
        ])
    }

    @Test func assessmentRecordsWhoAndWhen() throws {
        let assessment = try assess(.medium)
        #expect(assessment.by == "olga")
        #expect(assessment.at == fixedNow)
        #expect(assessment.input == .medium)
    }

    // MARK: provisional level

    @Test(arguments: [("threat", RiskLevel.medium), ("surveillance;arrest", .medium), ("physical_assault", .medium),
                      ("death_threat", .high), ("stalking;killing", .high), ("attempted_killing", .high)])
    func provisionalLevel(acts: String, level: RiskLevel) throws {
        #expect(RiskModel.provisionalLevel(fields: try validFields([.acts: acts])) == level)
    }
}
