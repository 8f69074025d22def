/// Something a user asks the desk to do; the decider checks it against the current state and turns it into events.
public indirect enum Command: Sendable, Equatable {
    case addUser(User)
    case changeUser(User)
    /// Take a user off the roster (admins; never oneself).
    case removeUser(name: String)
    case changeSettings(EventBody.Settings)
    /// Save a named filter and sort: personal (owner set to the actor) or store-wide (owner nil).
    case saveView(SavedView)
    case deleteView(name: String, shared: Bool)
    /// Record that reports were exported.
    case recordExport(EventBody.Export)
    /// Field values as text (typed, imported or from the command line); validated by the decider.
    case create([ReportField: String])
    /// New values for some fields; `expectedVersion` guards against overwriting a change made meanwhile.
    case edit(id: String, values: [ReportField: String], expectedVersion: Int64?)
    case take(id: String)
    case assign(id: String, to: String)
    case assess(id: String, RiskInput)
    case escalate(id: String, reason: String, to: String?)
    case decide(id: String, outcome: Decision.Outcome, note: String)
    case respond(id: String, note: String)
    case monitor(id: String, note: String)
    case retriage(id: String, note: String)
    case comment(id: String, text: String)
    case link(id: String, target: String, kind: ReportLink.Kind)
    case unlink(id: String, target: String)
    /// Records that a suggested duplicate is a different case.
    case dismissDuplicate(id: String, target: String)
    /// Show a masked field on screen; the reveal is recorded.
    case reveal(id: String, field: ReportField)
    /// A command made from a form opened at `version` of its report: refused as a conflict if the report changed.
    case expecting(version: Int64, Command)
    case close(id: String, reason: String, duplicateOf: String?)
    case reopen(id: String, note: String)

    /// The same command about another report: how a bulk action applies one form to every marked report.
    public func retargeted(to id: String) -> Command {
        switch self {
        case .addUser, .changeUser, .removeUser, .changeSettings, .create, .saveView, .deleteView, .recordExport: self
        case .edit(_, let values, _): .edit(id: id, values: values, expectedVersion: nil)
        case .take: .take(id: id)
        case .assign(_, let to): .assign(id: id, to: to)
        case .assess(_, let input): .assess(id: id, input)
        case .escalate(_, let reason, let to): .escalate(id: id, reason: reason, to: to)
        case .decide(_, let outcome, let note): .decide(id: id, outcome: outcome, note: note)
        case .respond(_, let note): .respond(id: id, note: note)
        case .monitor(_, let note): .monitor(id: id, note: note)
        case .retriage(_, let note): .retriage(id: id, note: note)
        case .comment(_, let text): .comment(id: id, text: text)
        case .link(_, let target, let kind): .link(id: id, target: target, kind: kind)
        case .unlink(_, let target): .unlink(id: id, target: target)
        case .dismissDuplicate(_, let target): .dismissDuplicate(id: id, target: target)
        case .reveal(_, let field): .reveal(id: id, field: field)
        case .close(_, let reason, let duplicateOf): .close(id: id, reason: reason, duplicateOf: duplicateOf)
        case .reopen(_, let note): .reopen(id: id, note: note)
        // A bulk action is checked against the state it is confirmed in, not a form's version.
        case .expecting(_, let command): command.retargeted(to: id)
        }
    }

    /// The report the command is about, if any.
    public var reportID: String? {
        switch self {
        case .addUser, .changeUser, .removeUser, .changeSettings, .create, .saveView, .deleteView, .recordExport: nil
        case .expecting(_, let command): command.reportID
        case .edit(let id, _, _), .take(let id), .assign(let id, _), .assess(let id, _), .escalate(let id, _, _),
             .decide(let id, _, _), .respond(let id, _), .monitor(let id, _), .retriage(let id, _),
             .comment(let id, _), .link(let id, _, _), .unlink(let id, _), .dismissDuplicate(let id, _), .reveal(let id, _), .close(let id, _, _), .reopen(let id, _):
            id
        }
    }
}
