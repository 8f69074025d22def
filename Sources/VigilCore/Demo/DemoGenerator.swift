import Foundation

/// Generates a realistic desk history from a seed: reports spread over desks, acts, channels and risk, names and
/// narratives in several scripts, and a workflow history with taken, escalated, decided, overdue and closed reports.
/// The same seed and day give the same store; times are laid out backwards from `now`.
public struct DemoGenerator: Sendable {
    public let reports: Int
    public let seed: UInt64
    public let now: Date
    public let vocabularies: Vocabularies
    public let material: DemoMaterial
    /// Spread reports over this many days before `now`.
    public var days: Double = 120

    public init(reports: Int, seed: UInt64, now: Date, vocabularies: Vocabularies = .standard, material: DemoMaterial = .standard) {
        self.reports = reports
        self.seed = seed
        // Anchor on the minute so two runs in the same minute give identical stores.
        self.now = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        self.vocabularies = vocabularies
        self.material = material
    }

    /// When the demo store is created, before any report.
    public var start: Date { now.addingTimeInterval(-(days + 2) * 86_400) }

    private static let actWeights: [(String, Int)] = [
        ("threat", 24), ("death_threat", 10), ("surveillance", 9), ("stigmatisation", 8), ("judicial_harassment", 8),
        ("online_attack", 8), ("raid", 5), ("physical_assault", 5), ("arrest", 5), ("detention", 3), ("stalking", 3),
        ("sexual_harassment", 2), ("office_closure", 2), ("travel_ban", 2), ("attempted_killing", 2), ("abduction", 1),
        ("disappearance", 1), ("killing", 1), ("other", 1),
    ]

    /// The whole script in time order: the team first, then every report's life.
    public func submissions() -> [Submission] {
        var random = SeededGenerator(seed: seed)
        var timed: [(time: Date, order: Int, submission: Submission)] = []
        func add(_ command: Command, _ actor: String, _ time: Date) {
            guard time <= now else { return }
            timed.append((time, timed.count, Submission(command, actor: actor, now: time)))
        }
        for (offset, member) in DemoTeam.members.enumerated() {
            add(.addUser(member), DemoTeam.admin.name, start.addingTimeInterval(Double(offset)))
        }
        // Receipt times first, so ids (numbered per year in order of recording) can be known in advance.
        var received: [Date] = []
        for _ in 0..<reports {
            let u = Double.random(in: 0..<1, using: &random)
            let offset = days * 86_400 * u * u + Double.random(in: 60..<3600, using: &random)
            received.append(now.addingTimeInterval(-offset))
        }
        received.sort()
        var numbers: [Int: Int] = [:]
        var ids: [String] = []
        var countries: [String] = []
        for (index, time) in received.enumerated() {
            let year = Calendar.utc.component(.year, from: time)
            numbers[year, default: 0] += 1
            let id = ReportID.make(year: year, number: numbers[year]!)
            ids.append(id)
            var life = ReportLife(generator: self, id: id, received: time, random: random)
            let person = life.person()
            countries.append(person.country)
            add(.create(life.values(for: person)), life.recorder(for: person), time)
            let original = index > 0 && random.chance(0.04)
                ? (0..<index).reversed().first { countries[$0] == person.country }.map { ids[$0] } : nil
            for (command, actor, time) in life.workflow(desk: vocabularies.country(person.country)?.defaultDesk ?? "",
                                                        duplicateOf: original) {
                add(command, actor, time)
            }
            random = life.random
        }
        timed.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        return timed.map(\.submission)
    }

    fileprivate func weightedAct(_ random: inout SeededGenerator) -> String {
        let total = Self.actWeights.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &random)
        for (act, weight) in Self.actWeights {
            if roll < weight { return act }
            roll -= weight
        }
        return "threat"
    }
}

/// The life of one generated report: its fields and its workflow steps.
private struct ReportLife {
    let generator: DemoGenerator
    let id: String
    let received: Date
    var random: SeededGenerator
    var mainAct = "threat"
    var acts: [String] = []
    /// The fields as the store will hold them, so the generator predicts the same risk level the store computes.
    var fields = ReportFields()

    init(generator: DemoGenerator, id: String, received: Date, random: SeededGenerator) {
        self.generator = generator
        self.id = id
        self.received = received
        self.random = random
    }

    mutating func person() -> DemoMaterial.Person { random.pick(generator.material.people) }

    func recorder(for person: DemoMaterial.Person) -> String {
        officer(for: generator.vocabularies.country(person.country)?.defaultDesk ?? "")
    }

    func officer(for desk: String) -> String {
        DemoTeam.members.first { $0.role == .officer && !$0.desks.isEmpty && $0.covers(desk: desk) }?.name ?? "noor"
    }

    mutating func values(for person: DemoMaterial.Person) -> [ReportField: String] {
        let vocabularies = generator.vocabularies
        mainAct = generator.weightedAct(&random)
        acts = [mainAct]
        if random.chance(0.3) {
            let extra = generator.weightedAct(&random)
            if extra != mainAct { acts.append(extra) }
        }
        let titles = generator.material.titles[mainAct] ?? generator.material.titles["threat"] ?? ["Threat reported"]
        let narratives = generator.material.narratives[person.script] ?? generator.material.narratives["latin"] ?? [""]
        let incident = received.addingTimeInterval(-Double.random(in: 0..<(20 * 86_400), using: &random))
        let precise = random.chance(0.85)
        var values: [ReportField: String] = [
            .title: random.pick(titles),
            .receivedAt: Timestamp.format(received),
            .intakeChannel: random.pick(vocabularies[.channels].codes),
            .sourceRelation: random.pick(vocabularies[.sourceRelations].codes),
            .sourceReliability: random.pick(vocabularies[.reliability].codes),
            .consentScope: random.pick(["internal_only", "internal_only", "named_partners", "publish_anonymised", "publish_named"]),
            .safeContactChannel: random.pick(["Signal, evenings only", "via partner organisation", "in person at the office", "encrypted email"]),
            .defenderPseudonym: person.pseudonym,
            .defenderRealName: person.realName,
            .defenderContact: "+\(Int.random(in: 10...99, using: &random)) \(Int.random(in: 100_000_000...999_999_999, using: &random))",
            .defenderUnit: random.pick(["individual", "individual", "individual", "group", "organisation", "community"]),
            .defenderGender: random.pick(vocabularies[.genders].codes),
            .sectors: Array(Set([random.pick(vocabularies[.sectors].codes), random.pick(vocabularies[.sectors].codes)])).sorted().joined(separator: ";"),
            .incidentDate: precise ? Timestamp.day(incident) : String(Timestamp.day(incident).prefix(7)),
            .country: person.country,
            .adminArea: random.pick(["capital district", "northern province", "coastal region", "highlands", "border area"]),
            .placeDescription: random.pick(["near the community centre", "outside the courthouse", "at the office", "on the road home", "at a checkpoint"]),
            .acts: acts.joined(separator: ";"),
            .perpetrators: Array(Set([random.pick(vocabularies[.perpetrators].codes), random.pick(vocabularies[.perpetrators].codes)])).sorted().joined(separator: ";"),
            .perpetratorInvolvement: random.pick(["confirmed", "suspected", "suspected"]),
            .narrative: random.pick(narratives),
            .tlp: random.pick(["amber", "amber", "amber", "red", "green"]),
            .verification: random.pick(["unverified", "unverified", "possible", "likely", "confirmed"]),
        ]
        if !precise { values[.incidentDatePrecision] = "month" }
        if case .success(let valid) = FieldValidator(vocabularies: vocabularies).fields(from: values) { fields = valid }
        return values
    }

    /// The workflow steps this report went through before `now`; later steps are simply not reached yet.
    mutating func workflow(desk: String, duplicateOf original: String?) -> [(Command, String, Date)] {
        var steps: [(Command, String, Date)] = []
        let officer = officer(for: desk)
        let supervisor = random.chance(0.5) ? "sofia" : "kwame"
        func hours(_ range: ClosedRange<Double>) -> TimeInterval { Double.random(in: range, using: &random) * 3600 }
        // Recent reports may still be waiting at each step (and some of them overdue); old ones have moved on,
        // as they would on a working desk.
        let ageDays = generator.now.timeIntervalSince(received) / 86_400
        if ageDays < 1.5 && random.chance(0.3) { return [] }
        var time = received.addingTimeInterval(hours(0.1...8))
        steps.append((.take(id: id), officer, time))
        if let original {
            time += hours(0.2...4)
            steps.append((.close(id: id, reason: "duplicate", duplicateOf: original), supervisor, time))
            return steps
        }
        if ageDays < 4 && random.chance(0.2) { return steps }
        time += hours(0.5...30)
        let grave = acts.contains(where: RiskModel.graveActs.contains)
        let threat = grave ? Int.random(in: 4...5, using: &random) : Int.random(in: 1...5, using: &random)
        let vulnerability = Int.random(in: 1...5, using: &random)
        let capacity = Int.random(in: 1...5, using: &random)
        let imminent = grave && random.chance(0.25)
        let input = RiskInput(threat: threat, vulnerability: vulnerability, capacity: capacity,
                              threatAssessment: ThreatAssessment(
                                factsEstablished: "Calls and messages confirmed by a colleague.",
                                pattern: random.pick(["first", "repeated", "escalating"]),
                                objective: "Stop the defender's work on the case.",
                                perpetratorIdentified: random.chance(0.4),
                                feasibility: random.pick(["low", "moderate", "high"]) + " capacity to act",
                                imminent: imminent))
        steps.append((.assess(id: id, input), officer, time))
        let level = RiskModel.assess(fields: fields, input: input, by: officer, at: time).level
        if random.chance(0.15) {
            time += hours(0.5...12)
            steps.append((.comment(id: id, text: random.pick(["Called back; defender safe for now.", "Partner confirms the account.", "Waiting for the lawyer's report.", "Requested photos of the message."])), officer, time))
        }
        if level >= .high {
            time += hours(0.2...10)
            steps.append((.escalate(id: id, reason: random.pick(["Grave threat; emergency grant may be needed.", "Pattern escalating; relocation to consider.", "Identified perpetrator with capacity to act."]), to: random.chance(0.5) ? supervisor : nil), officer, time))
            guard ageDays > 5 || random.chance(0.5) else { return steps }
            time += hours(1...60)
            if random.chance(0.15) {
                steps.append((.decide(id: id, outcome: .return, note: "Verify the facts with the partner first."), supervisor, time))
                time += hours(2...30)
                steps.append((.assess(id: id, input), officer, time))
                time += hours(0.5...6)
                steps.append((.escalate(id: id, reason: "Facts verified with the partner.", to: nil), officer, time))
                time += hours(1...24)
            }
            steps.append((.decide(id: id, outcome: .approve, note: random.pick(["Emergency grant approved.", "Temporary relocation approved.", "Legal aid approved."])), supervisor, time))
            // A response runs its course: most older cases end closed, some stay under monitoring.
            if random.chance(0.75) {
                time += hours(72...600)
                steps.append((.close(id: id, reason: "resolved", duplicateOf: nil), supervisor, time))
            } else if random.chance(0.5) {
                time += hours(48...200)
                steps.append((.monitor(id: id, note: "Immediate response delivered."), officer, time))
            }
            return steps
        }
        time += hours(1...48)
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.35 {
            steps.append((.respond(id: id, note: "Security advice given."), officer, time))
        } else if roll < 0.65 {
            steps.append((.monitor(id: id, note: "Keep in contact weekly."), officer, time))
        } else if roll < 0.9 || ageDays > 7 {
            steps.append((.close(id: id, reason: random.pick(["resolved", "no_further_action", "out_of_scope"]), duplicateOf: nil), officer, time))
        }
        return steps
    }
}
