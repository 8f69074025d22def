import Foundation
import Testing
import VigilCore

/// SplitMix64: a tiny seeded generator so the random walks below are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Random commands by random members of the staffed roster, most of them refused; the accepted ones must keep
/// the fold's invariants.
@Suite struct FoldPropertyTests {
    private static let users = ["olga", "omar", "sara", "sam", "aud", "admin"]

    private func randomCommand(_ desk: TestDesk, _ random: inout SplitMix) -> Command {
        let ids = desk.state.reports.map(\.id)
        guard !ids.isEmpty, !random.chance(0.12) else {
            var values: [ReportField: String] = [
                .title: random.pick(["Threat by SMS", "Raid on office", "Ameaça em São Félix"]),
                .country: random.pick(["IN", "NP", "FR", "BR"]),
                .acts: random.pick(["threat", "death_threat", "raid", "surveillance;stalking", "killing"]),
            ]
            if random.chance(0.5) { values[.incidentDate] = random.pick(["2026-05-20", "2026-04", "2026", "2025-11-02"]) }
            if random.chance(0.1) { values[.externalID] = random.pick(["EXT-1", "EXT-2", "EXT-3"]) }
            return .create(values)
        }
        let id = random.pick(ids), other = random.pick(ids)
        // Mostly the move the report's status invites, so walks reach every status; sometimes anything at all.
        let invited: [Int] = switch desk.state.report(id)?.status ?? .new {
        case .new: [0, 1]
        case .inTriage: [2, 2, 11]
        case .assessed: [3, 3, 5, 6, 11]
        case .escalated: [4]
        case .responding: [6, 11]
        case .monitoring: [7, 11]
        case .closed: [12]
        }
        let move = random.chance(0.7) ? random.pick(invited) : Int.random(in: 0..<15, using: &random)
        switch move {
        case 0: return .take(id: id)
        case 1: return .assign(id: id, to: random.pick(Self.users))
        case 2:
            let input = RiskInput(threat: Int.random(in: 1...5, using: &random),
                                  vulnerability: Int.random(in: 1...5, using: &random),
                                  capacity: Int.random(in: 1...5, using: &random),
                                  threatAssessment: ThreatAssessment(perpetratorIdentified: random.chance(0.5),
                                                                     imminent: random.chance(0.1)),
                                  levelOverride: random.chance(0.15) ? random.pick(RiskLevel.allCases) : nil,
                                  justification: random.chance(0.5) ? "seen by partner" : "")
            return .assess(id: id, input)
        case 3: return .escalate(id: id, reason: random.pick(["", "grave"]), to: random.pick([nil, "sara", "olga"]))
        case 4: return .decide(id: id, outcome: random.pick(Decision.Outcome.allCases), note: random.pick(["", "ok"]))
        case 5: return .respond(id: id, note: "")
        case 6: return .monitor(id: id, note: "")
        case 7: return .retriage(id: id, note: "")
        case 8: return .comment(id: id, text: random.pick(["", "called"]))
        case 9: return .link(id: id, target: other, kind: random.pick(ReportLink.Kind.allCases))
        case 10: return .unlink(id: id, target: other)
        case 11:
            let reason = random.pick(["resolved", "duplicate", "out_of_scope", "bogus"])
            return .close(id: id, reason: reason, duplicateOf: reason == "duplicate" || random.chance(0.1) ? other : nil)
        case 12: return .reopen(id: id, note: "")
        case 13: return .edit(id: id, values: random.chance(0.5) ? [.country: random.pick(["IN", "FR"])]
                                  : [.acts: random.pick(["threat", "killing", ""])], expectedVersion: nil)
        default: return .changeSettings(.init(deskMap: [random.pick(["IN", "fr"]): random.pick(["south_asia", "europe"])]))
        }
    }

    private func checkInvariants(_ state: DeskState) {
        for report in state.reports {
            let id = report.id
            #expect(report.version <= state.head, "\(id)")
            #expect((report.status == .closed) == (report.closure != nil), "\(id) closed without closure or vice versa")
            if report.status == .new {
                #expect(report.assignee == nil && report.takenAt == nil, "\(id) is new but taken")
            }
            if [.assessed, .escalated, .responding, .monitoring].contains(report.status) {
                #expect(report.assessment != nil, "\(id) is \(report.status) without an assessment")
            }
            if report.status == .escalated {
                #expect(report.escalation != nil && report.decision == nil, "\(id) escalated inconsistently")
            }
            if report.status == .responding || report.status == .monitoring {
                #expect(report.respondingSince != nil, "\(id)")
                if let level = report.riskLevel, level >= .high {
                    #expect(report.decision?.outcome == .approve, "\(id) responds at \(level) without an approved escalation")
                }
            }
            #expect(report.links.filter { $0.kind == .duplicateOf }.count <= 1, "\(id) duplicates two originals")
            #expect(Set(report.links.map(\.target)).count == report.links.count, "\(id) has two links to one report")
            for link in report.links {
                let reverse: ReportLink.Kind = switch link.kind {
                case .duplicateOf: .duplicatedBy
                case .duplicatedBy: .duplicateOf
                case .related: .related
                }
                #expect(state.report(link.target)?.links.contains(ReportLink(kind: reverse, target: id)) == true,
                        "\(id) -> \(link.target) is one-sided")
            }
            #expect(report.desk == state.desk(for: report.fields), "\(id) is on a stale desk")
        }
    }

    @Test(arguments: [1 as UInt64, 2, 3, 42])
    func randomWalkKeepsInvariantsAndReplays(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        var desk = try TestDesk.staffed()
        var snapshot: DeskSnapshot?
        var accepted = 0
        for step in 0..<600 {
            desk.now = desk.now.addingTimeInterval(Double(Int.random(in: 1...180, using: &random)) * 60)
            let command = randomCommand(desk, &random)
            let actor = random.chance(0.9) ? random.pick(["olga", "omar", "sara", "sam"]) : random.pick(Self.users)
            let before = desk.state.head
            do {
                let events = try desk.run(command, as: actor)
                accepted += 1
                #expect(events.map(\.seq) == Array((before + 1)...(before + Int64(events.count))))
                #expect(actor != "aud", "the auditor wrote: \(command)")
            } catch is DeskError {
                #expect(desk.state.head == before)
            }
            if step == 300 { snapshot = desk.state.snapshot() }
        }
        #expect(accepted > 60)
        let kinds = Set(desk.log.map(\.body.kind))
        // The walk reaches the whole workflow, not just the first steps.
        #expect(kinds.isSuperset(of: ["report.taken", "report.assessed", "report.escalated", "report.decided",
                                      "report.status_changed", "report.closed", "report.reopened", "report.linked"]))
        #expect(Set(desk.log.compactMap { event -> Status? in
            if case .statusChanged(let to, _) = event.body { to } else { nil }
        }) == [.responding, .monitoring, .inTriage])
        checkInvariants(desk.state)

        // The log replays to the same state.
        var replay = DeskState()
        for event in desk.log { try replay.apply(event) }
        #expect(replay.head == desk.state.head)
        #expect(replay.reports == desk.state.reports)
        #expect(replay.users == desk.state.users)

        // A snapshot taken midway, saved and restored, plus the rest of the log gives the same state too.
        let saved = try JSONEncoder().encode(try #require(snapshot))
        var restored = DeskState(snapshot: try JSONDecoder().decode(DeskSnapshot.self, from: saved))
        for event in desk.log where event.seq > restored.head { try restored.apply(event) }
        #expect(restored.reports == desk.state.reports)
        #expect(restored.nextReportID(at: desk.now) == desk.state.nextReportID(at: desk.now))
    }
}
