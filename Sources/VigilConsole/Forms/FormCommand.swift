import Foundation
import VigilCore

extension FormState {
    /// The command the form asks for, or the field errors that keep it from being saved.
    public func command(desk: DeskState) -> Result<(Command, String), ValidationFailure> {
        // Forms on a report save only if nobody changed it meanwhile (edits carry their own version check).
        let result = unguardedCommand(desk: desk)
        guard case .success(let (command, message)) = result else { return result }
        switch (kind, expectedVersion) {
        case (.intake, _), (.edit, _), (_, nil): return .success((command, message))
        case (_, let version?): return .success((.expecting(version: version, command), message))
        }
    }

    private func unguardedCommand(desk: DeskState) -> Result<(Command, String), ValidationFailure> {
        var errors: [FieldError] = []
        for field in fields where field.required && field.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: field.id, message: "is required"))
        }
        switch kind {
        case .intake, .edit:
            var values: [ReportField: String] = [:]
            for field in fields {
                guard let reportField = ReportField(name: field.id) else { continue }
                values[reportField] = field.value
            }
            let validator = FieldValidator(vocabularies: desk.vocabularies)
            if case .edit(let id) = kind, let report = desk.report(id) {
                let changed = values.filter { report.fields.text($0.key) != $0.value }
                if case .failure(let failure) = validator.fields(from: changed, base: report.fields) { errors += failure.errors }
                guard errors.isEmpty else { return .failure(ValidationFailure(unique(errors))) }
                if changed.isEmpty { return .failure(ValidationFailure([FieldError(field: "form", message: "nothing changed")])) }
                return .success((.edit(id: id, values: changed, expectedVersion: expectedVersion), "\(id) edited"))
            }
            let given = values.filter { !$0.value.isEmpty }
            if case .failure(let failure) = validator.fields(from: given) { errors += failure.errors }
            guard errors.isEmpty else { return .failure(ValidationFailure(unique(errors))) }
            return .success((.create(given), "report recorded"))
        case .assess(let id):
            let input = riskInput
            errors += input.problems()
            guard errors.isEmpty else { return .failure(ValidationFailure(unique(errors))) }
            return .success((.assess(id: id, input), "\(id) assessed"))
        case .escalate(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            let to = value("to")
            return .success((.escalate(id: id, reason: value("reason"), to: to.isEmpty ? nil : to), "\(id) escalated"))
        case .decide(let id, let outcome):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            return .success((.decide(id: id, outcome: outcome, note: value("note")), outcome == .approve ? "\(id) approved" : "\(id) returned to triage"))
        case .close(let id):
            var original: String?
            let typed = value("duplicate_of").trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty {
                guard let normalised = ReportID.normalise(typed) else {
                    return .failure(ValidationFailure(errors + [FieldError(field: "duplicate_of", message: "'\(typed)' is not a report id like R-2026-00042")]))
                }
                original = normalised
            }
            if value("reason") == "duplicate" && original == nil {
                errors.append(FieldError(field: "duplicate_of", message: "closing as a duplicate needs the original report's id"))
            }
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            return .success((.close(id: id, reason: value("reason"), duplicateOf: original), "\(id) closed"))
        case .comment(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            return .success((.comment(id: id, text: value("text")), "comment added to \(id)"))
        case .reveal(let id):
            guard errors.isEmpty, let field = ReportField(name: value("field")) else { return .failure(ValidationFailure(errors)) }
            return .success((.reveal(id: id, field: field), "\(field.label) revealed; the reveal is in the history"))
        case .user(let adding):
            if fields.contains(where: { $0.id == "passphrase" }) {
                if value("passphrase").utf8.count < 8 {
                    errors.append(FieldError(field: "passphrase", message: "at least 8 characters"))
                } else if value("again") != value("passphrase") {
                    errors.append(FieldError(field: "again", message: "not the same as the passphrase above"))
                }
            }
            guard errors.isEmpty, let role = Role(rawValue: value("role")) else { return .failure(ValidationFailure(errors)) }
            let user = User(name: value("name").trimmingCharacters(in: .whitespaces), role: role,
                            desks: ReportField.splitList(value("desks")))
            return .success((adding ? .addUser(user) : .changeUser(user), adding ? "added \(user.name) as \(role.rawValue)" : "changed \(user.name)"))
        case .views:
            return .failure(ValidationFailure([FieldError(field: "view", message: "a view is shown, not saved")]))
        case .label(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            return .success((.edit(id: id, values: [.tlp: value("tlp")], expectedVersion: nil), "label set to \(value("tlp"))"))
        case .linkDuplicate(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            guard let original = ReportID.normalise(value("original")), desk.report(original) != nil else {
                return .failure(ValidationFailure([FieldError(field: "original", message: "'\(value("original"))' is not a report in this store")]))
            }
            return .success((.link(id: id, target: original, kind: .duplicateOf), "linked as duplicates of \(original)"))
        case .duplicates(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            let target = value("target")
            if value("decision") == "duplicate" {
                return .success((.link(id: id, target: target, kind: .duplicateOf), "\(id) linked as a duplicate of \(target)"))
            }
            return .success((.dismissDuplicate(id: id, target: target), "\(target) dismissed: a different case"))
        case .assign(let id):
            guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
            return .success((.assign(id: id, to: value("assignee")), "\(id) assigned to \(value("assignee"))"))
        }
    }

    /// The assessment form's input, also used for the live score preview.
    public var riskInput: RiskInput {
        RiskInput(
            threat: field("threat")?.scale ?? 3, vulnerability: field("vulnerability")?.scale ?? 3,
            capacity: field("capacity")?.scale ?? 3,
            threatAssessment: ThreatAssessment(
                factsEstablished: value("facts"), pattern: value("pattern"), objective: value("objective"),
                perpetratorIdentified: field("identified")?.toggle ?? false, feasibility: value("feasibility"),
                imminent: field("imminent")?.toggle ?? false),
            levelOverride: RiskLevel(rawValue: value("level")), justification: value("justification"))
    }

    private func unique(_ errors: [FieldError]) -> [FieldError] {
        var seen: Set<String> = []
        return errors.filter { seen.insert($0.field).inserted }
    }
}
