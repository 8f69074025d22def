import Foundation

/// Payload coding: the kind is stored apart from the payload, so a payload is decoded knowing its kind.
extension EventBody {
    private struct Empty: Codable {}
    private struct Created: Codable { var id: String; var fields: ReportFields }
    private struct Edited: Codable { var changes: [FieldChange] }
    private struct Assigned: Codable { var assignee: String }
    private struct Escalated: Codable { var reason: String; var to: String? }
    private struct Decided: Codable { var outcome: Decision.Outcome; var note: String }
    private struct StatusChange: Codable { var to: Status; var note: String }
    private struct Text: Codable { var text: String }
    private struct Linked: Codable { var kind: ReportLink.Kind; var target: String }
    private struct Target: Codable { var target: String }
    private struct Closed: Codable { var reason: String; var duplicateOf: String? }
    private struct Note: Codable { var note: String }
    private struct ViewName: Codable { var name: String; var owner: String? }
    private struct Revealed: Codable { var field: ReportField }
    private struct Removed: Codable { var name: String }

    /// The payload bytes (JSON with sorted keys, so equal bodies give equal bytes).
    public func payload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        switch self {
        case .userAdded(let user), .userChanged(let user): return try encoder.encode(user)
        case .userRemoved(let name): return try encoder.encode(Removed(name: name))
        case .settingsChanged(let settings): return try encoder.encode(settings)
        case .viewSaved(let view): return try encoder.encode(view)
        case .exportMade(let export): return try encoder.encode(export)
        case .viewDeleted(let name, let owner): return try encoder.encode(ViewName(name: name, owner: owner))
        case .reportCreated(let id, let fields): return try encoder.encode(Created(id: id, fields: fields))
        case .reportEdited(let changes): return try encoder.encode(Edited(changes: changes))
        case .reportTaken: return try encoder.encode(Empty())
        case .reportAssigned(let assignee): return try encoder.encode(Assigned(assignee: assignee))
        case .reportAssessed(let assessment): return try encoder.encode(assessment)
        case .reportEscalated(let reason, let to): return try encoder.encode(Escalated(reason: reason, to: to))
        case .reportDecided(let outcome, let note): return try encoder.encode(Decided(outcome: outcome, note: note))
        case .statusChanged(let to, let note): return try encoder.encode(StatusChange(to: to, note: note))
        case .commented(let text): return try encoder.encode(Text(text: text))
        case .linked(let kind, let target): return try encoder.encode(Linked(kind: kind, target: target))
        case .unlinked(let target), .duplicateDismissed(let target): return try encoder.encode(Target(target: target))
        case .reportClosed(let reason, let duplicateOf): return try encoder.encode(Closed(reason: reason, duplicateOf: duplicateOf))
        case .reportReopened(let note): return try encoder.encode(Note(note: note))
        case .fieldRevealed(let field): return try encoder.encode(Revealed(field: field))
        }
    }

    /// Decodes a payload of a known kind; an unknown kind is an error (a store from a newer version).
    public init(kind: String, payload: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, from: payload) }
        switch kind {
        case "user.added": self = .userAdded(try decode(User.self))
        case "user.changed": self = .userChanged(try decode(User.self))
        case "user.removed": self = .userRemoved(name: try decode(Removed.self).name)
        case "settings.changed": self = .settingsChanged(try decode(Settings.self))
        case "view.saved": self = .viewSaved(try decode(SavedView.self))
        case "export.made": self = .exportMade(try decode(Export.self))
        case "view.deleted":
            let view = try decode(ViewName.self)
            self = .viewDeleted(name: view.name, owner: view.owner)
        case "report.created":
            let created = try decode(Created.self)
            self = .reportCreated(id: created.id, fields: created.fields)
        case "report.edited": self = .reportEdited(changes: try decode(Edited.self).changes)
        case "report.taken": self = .reportTaken
        case "report.assigned": self = .reportAssigned(assignee: try decode(Assigned.self).assignee)
        case "report.assessed": self = .reportAssessed(try decode(RiskAssessment.self))
        case "report.escalated":
            let escalated = try decode(Escalated.self)
            self = .reportEscalated(reason: escalated.reason, to: escalated.to)
        case "report.decided":
            let decided = try decode(Decided.self)
            self = .reportDecided(outcome: decided.outcome, note: decided.note)
        case "report.status_changed":
            let change = try decode(StatusChange.self)
            self = .statusChanged(to: change.to, note: change.note)
        case "report.commented": self = .commented(text: try decode(Text.self).text)
        case "report.linked":
            let linked = try decode(Linked.self)
            self = .linked(kind: linked.kind, target: linked.target)
        case "report.unlinked": self = .unlinked(target: try decode(Target.self).target)
        case "report.duplicate_dismissed": self = .duplicateDismissed(target: try decode(Target.self).target)
        case "report.closed":
            let closed = try decode(Closed.self)
            self = .reportClosed(reason: closed.reason, duplicateOf: closed.duplicateOf)
        case "report.reopened": self = .reportReopened(note: try decode(Note.self).note)
        case "report.field_revealed": self = .fieldRevealed(field: try decode(Revealed.self).field)
        default: throw EventDecodingError.unknownKind(kind)
        }
    }
}

/// A stored event whose kind this build does not know.
public enum EventDecodingError: Error, CustomStringConvertible {
    case unknownKind(String)

    public var description: String {
        switch self {
        case .unknownKind(let kind): "unknown event kind '\(kind)' (written by a newer Vigil?)"
        }
    }
}
