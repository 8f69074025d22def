/// One line per event for histories: what changed, from what to what.
public enum EventSummary {
    public static func describe(_ event: Event) -> String {
        switch event.body {
        case .userAdded(let user): return "added user \(user.name) as \(user.role.rawValue)" + desks(user)
        case .userChanged(let user): return "changed user \(user.name) to \(user.role.rawValue)" + desks(user)
        case .userRemoved(let name): return "removed user \(name)"
        case .settingsChanged(let settings):
            var parts: [String] = []
            if let map = settings.deskMap { parts.append("desk map for " + map.keys.sorted().joined(separator: ", ")) }
            if settings.clocks != nil { parts.append("clock table") }
            if let lock = settings.lockAfter { parts.append("lock after \(Int(lock)) s") }
            if let restrict = settings.restrictWidening { parts.append(restrict ? "officers kept to their desks" : "officers may widen to all desks") }
            return "changed " + parts.joined(separator: " and ")
        case .exportMade(let export):
            return "exported \(export.count) report(s) as \(export.format)\(export.pseudonymised ? ", pseudonymised" : "")"
                + (export.filter.isEmpty ? "" : " (filter: \(export.filter))")
                + (export.forcedReason.map { "; withheld reports included because: \($0)" } ?? "")
        case .viewSaved(let view): return "saved the \(view.owner == nil ? "store-wide" : "personal") view '\(view.name)': \(view.filter)"
        case .viewDeleted(let name, let owner): return "deleted the \(owner == nil ? "store-wide" : "personal") view '\(name)'"
        case .reportCreated(let id, let fields): return "recorded \(id): \(fields.title)"
        case .reportEdited(let changes):
            return "edited " + changes.map { "\($0.field.name) '\(short($0.before))' -> '\(short($0.after))'" }.joined(separator: "; ")
        case .reportTaken: return "took it (new -> in_triage)"
        case .reportAssigned(let assignee): return "assigned it to \(assignee)"
        case .reportAssessed(let assessment):
            let input = assessment.input
            var text = "assessed T\(input.threat) V\(input.vulnerability) C\(input.capacity) = \(RiskModel.formatScore(assessment.score)) -> \(assessment.level.rawValue)"
            if !assessment.floors.isEmpty { text += " (floors: " + assessment.floors.map(\.explanation).joined(separator: "; ") + ")" }
            if let override = input.levelOverride { text += " overridden to \(override.rawValue): \(input.justification)" }
            return text
        case .reportEscalated(let reason, let to): return "escalated" + (to.map { " to \($0)" } ?? "") + ": \(reason)"
        case .reportDecided(let outcome, let note):
            return (outcome == .approve ? "approved (escalated -> responding): " : "returned (escalated -> in_triage): ") + note
        case .statusChanged(let to, let note): return "moved to \(to.rawValue)" + (note.isEmpty ? "" : ": \(note)")
        case .commented(let text): return "commented: \(short(text))"
        case .linked(let kind, let target): return "linked \(kind.rawValue) \(target)"
        case .unlinked(let target): return "unlinked \(target)"
        case .fieldRevealed(let field): return "revealed \(field.name) on screen"
        case .duplicateDismissed(let target): return "dismissed \(target) as a suggested duplicate (a different case)"
        case .reportClosed(let reason, let duplicateOf): return "closed: \(reason)" + (duplicateOf.map { " of \($0)" } ?? "")
        case .reportReopened(let note): return "reopened (closed -> in_triage)" + (note.isEmpty ? "" : ": \(note)")
        }
    }

    private static func desks(_ user: User) -> String {
        user.desks.isEmpty ? "" : " (desks: \(user.desks.joined(separator: ", ")))"
    }

    private static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
