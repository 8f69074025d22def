import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// The fixed instant every console test uses as "now" (2026-05-28T20:26:40Z).
let fixedNow = Date(timeIntervalSince1970: 1_780_000_000)

let hour: TimeInterval = 3600
let day: TimeInterval = 86_400

/// A small desk written by hand, so every screen has something to show: the demo team, ten reports across
/// desks and statuses (new, in triage, assessed, escalated and overdue, responding, closed), with defender names
/// in Latin, Chinese, Arabic and Cyrillic script and with emoji.
enum Fixture {
    /// The pseudonyms of the fixture's reports, in order of receipt (so `R-2026-0000N` is the N-th one);
    /// `submissions` declares them in this order too, as ids are numbered in order of recording.
    static let pseudonyms = ["Protea", "Kestrel", "Indus", "Himal", "Monsoon", "صقر", "Río 🌿", "枫叶", "Padma", "Соняшник 🌻"]

    /// The report id of a pseudonym above.
    static func id(_ pseudonym: String) -> String {
        guard let index = pseudonyms.firstIndex(of: pseudonym) else { fatalError("no fixture report for \(pseudonym)") }
        return ReportID.make(year: 2026, number: index + 1)
    }

    /// The whole script after the store's first event (the admin adding themselves), in time order.
    static let submissions: [Submission] = {
        var script: [Submission] = []
        let start = fixedNow.addingTimeInterval(-30 * day)
        for (offset, member) in DemoTeam.members.enumerated() {
            script.append(Submission(.addUser(member), actor: "admin", now: start.addingTimeInterval(Double(offset))))
        }
        var number = 0
        func report(_ ago: TimeInterval, by officer: String, _ values: [ReportField: String],
                    _ steps: [(TimeInterval, String, (String) -> Command)] = []) {
            number += 1
            let id = ReportID.make(year: 2026, number: number)
            let received = fixedNow.addingTimeInterval(-ago)
            script.append(Submission(.create(values), actor: officer, now: received))
            for (after, actor, command) in steps {
                script.append(Submission(command(id), actor: actor, now: received.addingTimeInterval(after)))
            }
        }
        // 1: closed, low.
        report(9 * day, by: "amina", [.title: "Posters against a housing activist", .country: "ZA", .acts: "stigmatisation",
                                      .defenderPseudonym: "Protea"], [
            (hour, "amina", { .take(id: $0) }),
            (2 * hour, "amina", { .assess(id: $0, RiskInput(threat: 1, vulnerability: 2, capacity: 4)) }),
            (3 * hour, "amina", { .close(id: $0, reason: "resolved", duplicateOf: nil) }),
        ])
        // 2: critical, escalated and approved: responding.
        report(7 * day, by: "amina", [.title: "Assault at a protest in Nairobi", .country: "KE", .acts: "physical_assault",
                                      .defenderPseudonym: "Kestrel", .perpetrators: "police"], [
            (hour, "amina", { .take(id: $0) }),
            (2 * hour, "amina", { .assess(id: $0, RiskInput(threat: 5, vulnerability: 5, capacity: 1)) }),
            (3 * hour, "amina", { .escalate(id: $0, reason: "Hospitalised; police threaten to return", to: "sofia") }),
            (5 * hour, "sofia", { .decide(id: $0, outcome: .approve, note: "Emergency medical and legal support") }),
        ])
        // 3: medium, responding.
        report(6 * day, by: "rahul", [.title: "Judicial harassment of a union lawyer", .country: "PK",
                                      .acts: "judicial_harassment", .defenderPseudonym: "Indus"], [
            (hour, "rahul", { .take(id: $0) }),
            (2 * hour, "rahul", { .assess(id: $0, RiskInput(threat: 2, vulnerability: 2, capacity: 2)) }),
            (3 * hour, "rahul", { .respond(id: $0, note: "Trial monitoring arranged") }),
        ])
        // 4: high, assessed (its decision clock has run out).
        report(5 * day, by: "rahul", [.title: "Surveillance of a women's rights office", .country: "NP",
                                      .acts: "surveillance", .defenderPseudonym: "Himal"], [
            (hour, "rahul", { .take(id: $0) }),
            (day, "rahul", { .assess(id: $0, RiskInput(threat: 5, vulnerability: 2, capacity: 2)) }),
        ])
        // 5: critical, escalated two days ago: its decision is overdue.
        report(3 * day, by: "rahul", [.title: "Death threats after a land rights hearing", .country: "IN",
                                      .acts: "death_threat;surveillance", .defenderPseudonym: "Monsoon",
                                      .incidentDate: "2026-05-24",
                                      .narrative: "Two men on a motorbike followed the defender home after the district court hearing on the land acquisition case. The next morning a handwritten note threatening to kill her and her children was pushed under the door. Local police refused to register a complaint."], [
            (hour, "rahul", { .take(id: $0) }),
            (2 * hour, "rahul", { .assess(id: $0, RiskInput(threat: 5, vulnerability: 4, capacity: 2)) }),
            (day, "rahul", { .escalate(id: $0, reason: "Relocation needed within days", to: "sofia") }),
            (day + hour, "rahul", { .comment(id: $0, text: "Safe house contacted; waiting for a reply.") }),
        ])
        // 6: Arabic pseudonym, in triage.
        report(2 * day, by: "amina", [.title: "Arrest of a journalist in Khartoum", .country: "SD", .acts: "arrest",
                                      .defenderPseudonym: "صقر", .narrative: "اعتقل الصحفي من منزله فجراً ولم يُعرف مكان احتجازه."], [
            (hour, "amina", { .take(id: $0) }),
        ])
        // 7: emoji pseudonym, high, escalated an hour ago to any supervisor.
        report(36 * hour, by: "lucia", [.title: "Threats against a river defender", .country: "CO", .acts: "threat",
                                  .defenderPseudonym: "Río 🌿"], [
            (hour, "lucia", { .take(id: $0) }),
            (2 * hour, "lucia", { .assess(id: $0, RiskInput(threat: 4, vulnerability: 3, capacity: 2)) }),
            (35 * hour, "lucia", { .escalate(id: $0, reason: "Armed group named him on a list", to: nil) }),
        ])
        // 8: Chinese pseudonym and title, new and not acknowledged in time.
        report(30 * hour, by: "rahul", [.title: "针对环境律师的网络诽谤运动", .country: "CN", .acts: "online_attack",
                                        .defenderPseudonym: "枫叶"])
        // 9: in triage, unassessed: the one the key scripts assess.
        report(20 * hour, by: "rahul", [.title: "Threat by SMS to a garment union organiser", .country: "BD", .acts: "threat",
                                        .defenderPseudonym: "Padma"], [
            (hour, "rahul", { .take(id: $0) }),
        ])
        // 10: Cyrillic and emoji, new.
        report(2 * hour, by: "olena", [.title: "Smear posters in Kharkiv", .country: "UA", .acts: "stigmatisation",
                                       .defenderPseudonym: "Соняшник 🌻"])
        return script.sorted { $0.now < $1.now }
    }()

    /// The store's first event plus the script, folded in memory the way the store folds it.
    static let built: (desk: DeskState, log: [Event]) = {
        var state = DeskState()
        var log: [Event] = []
        let admin = Submission(.addUser(User(name: "admin", role: .admin)), actor: "admin",
                               now: fixedNow.addingTimeInterval(-31 * day))
        for submission in [admin] + submissions {
            do {
                let pending = try Decider(state: state, actor: submission.actor, now: submission.now).decide(submission.command)
                for item in pending {
                    let event = Event(seq: state.head + 1, reportID: item.reportID, actor: submission.actor,
                                      time: submission.now, body: item.body)
                    try state.apply(event)
                    log.append(event)
                }
            } catch {
                fatalError("fixture script refused \(submission.command) by \(submission.actor): \(error)")
            }
        }
        return (state, log)
    }()

    static var desk: DeskState { built.desk }

    /// The history of one report, as the store would load it.
    static func history(_ id: String) -> [Event] { built.log.filter { $0.reportID == id } }

    /// A console state for `user` at a size, with the selected report's history answered from the log
    /// (so the detail pane shows it, as after the effect ran).
    static func state(user: String = "noor", width: Int = 120, height: Int = 40, unicode: Bool = true) -> AppState {
        var state = AppState(desk: desk, session: Session(user: user, storePath: "/srv/vigil/desk.vigil", unicode: unicode),
                             now: fixedNow, width: width, height: height)
        answerHistory(&state, Reducer.reduce(&state, .tick(fixedNow)))
        return state
    }

    /// Reduces actions in order, answering `.loadHistory` from the in-memory log; returns the other effects.
    @discardableResult
    static func send(_ state: inout AppState, _ actions: [Action]) -> [Effect] {
        var effects: [Effect] = []
        for action in actions { effects += answerHistory(&state, Reducer.reduce(&state, action)) }
        return effects
    }

    /// Presses keys, as a user types them.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] { send(&state, keys.map { .key($0) }) }

    /// Types text character by character.
    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] { send(&state, text.map { .key(.character($0)) }) }

    @discardableResult
    private static func answerHistory(_ state: inout AppState, _ effects: [Effect]) -> [Effect] {
        var rest: [Effect] = []
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if case .loadHistory(let id) = effect {
                let version = state.desk.report(id)?.version ?? 0
                queue += Reducer.reduce(&state, .historyLoaded(id: id, version: version, events: history(id)))
            } else {
                rest.append(effect)
            }
        }
        return rest
    }
}

/// Selects the listed report with `id` by moving down from the top, as a user would with j.
func select(_ state: inout AppState, id: String, sourceLocation: SourceLocation = #_sourceLocation) {
    Fixture.press(&state, .character("g"))
    for _ in 0..<state.list.rows.count {
        if state.list.current?.report.id == id { return }
        Fixture.press(&state, .character("j"))
    }
    Issue.record("\(id) is not in the list: \(state.list.rows.map(\.report.id))", sourceLocation: sourceLocation)
}
