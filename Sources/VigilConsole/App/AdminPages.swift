import Foundation
import VigilCore
import VigilStore

/// The admin's pages in the console: `:users`, `:desks`, `:clocks` (read), `:add-user` and `:change-user` (forms),
/// `:remove-user NAME` (asked first).
enum AdminPages {
    /// Asks before taking `name` off the roster; the decider refuses non-admins and unknown names when it runs.
    static func removeUser(_ state: inout AppState, _ name: String) -> [Effect] {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, state.desk.user(name) != nil else {
            state.message = StatusMessage(":remove-user needs the name of someone on the roster (:users lists them)", isError: true)
            return []
        }
        state.overlay = .confirm(question: "Remove \(name) from the roster? Their key is deleted and new events are sealed under a key they never had. (y/n)",
                                 yes: .performAll([.removeUser(name: name)], message: "removed \(name)"))
        return []
    }

    static func page(_ name: String, state: AppState) -> OverlayState {
        let desk = state.desk
        switch name {
        case "users":
            let lines = desk.users.values.sorted { $0.name < $1.name }.map { user in
                "\(user.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(user.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                    + "key \(KeyFingerprint.of(user.keys))  "
                    + (user.desks.isEmpty ? "all desks" : user.desks.map { desk.vocabularies.desks.label($0) }.joined(separator: ", "))
            }
            return .info(title: "Users (:add-user, :change-user, :remove-user NAME; admins)", lines: lines, scroll: 0)
        case "desks":
            var lines: [String] = []
            for term in desk.vocabularies.desks.terms {
                let countries = desk.vocabularies.countries.filter { desk.desk(forCountry: $0.code) == term.code }.map(\.code)
                lines.append("\(term.label) (\(term.code)): \(countries.count) countries")
                lines.append("    " + countries.joined(separator: " "))
            }
            if !desk.deskOverrides.isEmpty {
                lines.append("")
                lines.append("This store's changes to the default map: "
                             + desk.deskOverrides.sorted { $0.key < $1.key }.map { "\($0.key) -> \($0.value)" }.joined(separator: ", "))
            }
            lines.append("")
            lines.append("Change with :set-desk CC DESK here, or vigil settings --desk CC=DESK (admins)")
            return .info(title: "Desks", lines: lines, scroll: 0)
        default:
            var lines = ["level       acknowledge  decision  reassess"]
            for level in RiskLevel.allCases.reversed() {
                let limits = desk.clocks[level]
                lines.append(level.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                             + ClockTable.Duration.format(limits.acknowledge).padding(toLength: 13, withPad: " ", startingAt: 0)
                             + ClockTable.Duration.format(limits.decision).padding(toLength: 10, withPad: " ", startingAt: 0)
                             + ClockTable.Duration.format(limits.reassess))
            }
            lines += ["", "Consoles lock after \(Int(desk.lockAfter)) s idle.", "",
                      "Change with :set-clocks LEVEL ACK DECISION REASSESS (e.g. high 2h 48h 30d) and :lock-after SECONDS",
                      "here, or vigil settings --clocks FILE --lock-after SECONDS (admins)"]
            return .info(title: "Clocks", lines: lines, scroll: 0)
        }
    }

    /// `:set-desk CC DESK`, `:set-clocks LEVEL ACK DECISION REASSESS` (e.g. `high 2h 48h 30d`), `:lock-after SECONDS`.
    static func settings(_ state: inout AppState, _ name: String, _ argument: String) -> [Effect] {
        let words = argument.split(separator: " ").map(String.init)
        let vocabularies = state.desk.vocabularies
        switch (name, words.count) {
        case ("set-desk", 2):
            guard let country = vocabularies.lookupCountry(words[0]), let desk = vocabularies.desks.lookup(words[1]) else {
                state.message = StatusMessage(":set-desk: '\(argument)' is not a country and a desk (e.g. :set-desk SD east_africa)", isError: true)
                return []
            }
            return [.perform(.changeSettings(EventBody.Settings(deskMap: [country.code: desk.code])),
                             message: "\(country.name) moved to the \(desk.label) desk")]
        case ("set-clocks", 4):
            let limits = words[1...].compactMap(ClockTable.Duration.parse)
            guard let level = RiskLevel(text: words[0]), limits.count == 3 else {
                state.message = StatusMessage(":set-clocks: expected LEVEL ACK DECISION REASSESS, e.g. high 2h 48h 30d", isError: true)
                return []
            }
            var table = state.desk.clocks
            table.limits[level] = ClockTable.Limits(acknowledge: limits[0], decision: limits[1], reassess: limits[2])
            return [.perform(.changeSettings(EventBody.Settings(clocks: table)), message: "\(level.rawValue) clocks changed")]
        case ("lock-after", 1):
            guard let seconds = Double(words[0]) else {
                state.message = StatusMessage(":lock-after: '\(argument)' is not a number of seconds", isError: true)
                return []
            }
            return [.perform(.changeSettings(EventBody.Settings(lockAfter: seconds)), message: "consoles lock after \(Int(seconds)) s")]
        default:
            state.message = StatusMessage(":\(name): see :desks and :clocks for the forms these take", isError: true)
            return []
        }
    }

    /// A new user of a sealed store gets keys under a passphrase of their own: best typed by them, at this screen.
    private static let passphraseFields = [
        FormField(id: "passphrase", label: "Their passphrase", kind: .secret, required: true,
                  hint: "the new user types it: at least 8 characters, a few unrelated words are best"),
        FormField(id: "again", label: "Again", kind: .secret, required: true),
    ]

    static func userForm(_ state: inout AppState, adding: Bool) -> [Effect] {
        guard state.user?.role == .admin else {
            state.message = StatusMessage("only an admin may \(adding ? "add" : "change") users (\(state.session.user) is \(state.user?.role.withArticle ?? "not on the roster"))", isError: true)
            return []
        }
        let roles = Role.allCases.map { Term(code: $0.rawValue, label: $0.rawValue) }
        let people = state.desk.users.keys.sorted().map { Term(code: $0, label: $0) }
        let nameField = adding ? FormField(id: "name", label: "Name", kind: .text, required: true)
            : FormField(id: "name", label: "User", kind: .pick(options: people, multiple: false), required: true)
        state.form = FormState(kind: .user(adding: adding), fields: [
            nameField,
            FormField(id: "role", label: "Role", kind: .pick(options: roles, multiple: false), required: true, value: "officer"),
            FormField(id: "desks", label: "Desks", kind: .pick(options: state.desk.vocabularies.desks.terms, multiple: true),
                      hint: "officers: none picked = every desk"),
        ] + (adding && state.session.sealed ? passphraseFields : []), expectedVersion: nil)
        return []
    }
}
