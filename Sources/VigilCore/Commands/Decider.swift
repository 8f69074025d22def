import Foundation

/// Decides a command against the state: either the events it produces or the reason it is refused.
/// The store calls this inside its write transaction with the freshest state, so checks and append are atomic.
public struct Decider: Sendable {
    public let state: DeskState
    public let actor: String
    public let now: Date

    public init(state: DeskState, actor: String, now: Date) {
        self.state = state
        self.actor = actor
        self.now = now
    }

    private var validator: FieldValidator { FieldValidator(vocabularies: state.vocabularies) }

    public func decide(_ command: Command) throws(DeskError) -> [PendingEvent] {
        // The very first event of a store adds its admin; after that, only people on the roster act.
        if case .addUser(let user) = command, state.users.isEmpty {
            guard user.role == .admin, user.name == actor else {
                throw .refused("the first user of a store must be its admin, added by themselves")
            }
            try checkUser(user)
            return [PendingEvent(reportID: nil, body: .userAdded(user))]
        }
        guard let me = state.user(actor) else { throw .notOnRoster(actor) }
        switch command {
        case .addUser(let user):
            try requireAdmin(me, "add users")
            guard state.user(user.name) == nil else { throw .refused("user '\(user.name)' is already on the roster") }
            try checkUser(user)
            return [PendingEvent(reportID: nil, body: .userAdded(user))]
        case .changeUser(var user):
            try requireAdmin(me, "change users")
            guard let existing = state.user(user.name) else { throw .refused("user '\(user.name)' is not on the roster") }
            try checkUser(user)
            // Keys are the user's own: a change of role or desks carries the ones they have.
            user.keys = existing.keys
            return [PendingEvent(reportID: nil, body: .userChanged(user))]
        case .removeUser(let name):
            try requireAdmin(me, "remove users")
            guard state.user(name) != nil else { throw .refused("user '\(name)' is not on the roster") }
            // Only admins remove, and never themselves: so the store always keeps an admin.
            guard name != actor else { throw .refused("an admin cannot remove themselves; another admin can") }
            return [PendingEvent(reportID: nil, body: .userRemoved(name: name))]
        case .changeSettings(var settings):
            try requireAdmin(me, "change the desk map, clocks or lock timeout")
            if let lock = settings.lockAfter, !(30...86_400).contains(lock) {
                throw .invalid(ValidationFailure([FieldError(field: "lock_after", message: "\(Int(lock)) s is outside 30 s .. 24 h")]))
            }
            if let map = settings.deskMap {
                // Keys are stored as canonical codes: the fold looks overrides up by `IN`, never by `in`.
                var canonical: [String: String] = [:]
                for (country, desk) in map.sorted(by: { $0.key < $1.key }) {
                    guard let found = state.vocabularies.country(country) else { throw .invalid(ValidationFailure([FieldError(field: "country", message: "'\(country)' is not an ISO 3166-1 code")])) }
                    guard state.vocabularies.desks.contains(desk) else { throw .invalid(ValidationFailure([FieldError(field: "desk", message: "'\(desk)' is not a desk")])) }
                    canonical[found.code] = desk
                }
                settings.deskMap = canonical
            }
            return [PendingEvent(reportID: nil, body: .settingsChanged(settings))]
        case .recordExport(let export):
            guard me.role != .auditor else { throw .refused("an auditor reads in the console and exports nothing (\(me.name) is an auditor)") }
            if export.forcedReason != nil {
                guard me.role == .supervisor || me.role == .admin else {
                    throw .refused("only a supervisor or an admin may export red-TLP or internal-only reports (\(me.name) is \(me.role.withArticle))")
                }
                try requireText(export.forcedReason ?? "", field: "reason", purpose: "forcing withheld reports out needs a reason")
            }
            return [PendingEvent(reportID: nil, body: .exportMade(export))]
        case .saveView(var view):
            guard me.role != .auditor else { throw .refused("an auditor reads and changes nothing, views included") }
            if view.owner == nil {
                guard me.role == .supervisor || me.role == .admin else {
                    throw .refused("only a supervisor or an admin may save a store-wide view (\(me.name) is \(me.role.withArticle)); save it as a personal view")
                }
            } else {
                view.owner = actor
            }
            let name = view.name.trimmingSpaces
            guard !name.isEmpty, name.count <= 40, !name.contains(where: \.isNewline) else {
                throw .invalid(ValidationFailure([FieldError(field: "name", message: "a view needs a one-line name of at most 40 characters")]))
            }
            view.name = name
            do {
                _ = try Filter.parse(view.filter, vocabularies: state.vocabularies)
            } catch {
                throw .invalid(ValidationFailure([FieldError(field: "filter", message: error.message)]))
            }
            guard SortOrder.parse(view.sort) != nil else {
                throw .invalid(ValidationFailure([FieldError(field: "sort", message: "'\(view.sort)' is not a sort order")]))
            }
            return [PendingEvent(reportID: nil, body: .viewSaved(view))]
        case .deleteView(let name, let shared):
            let owner: String? = shared ? nil : actor
            guard state.views.contains(where: { $0.name == name && $0.owner == owner }) else {
                throw .refused("there is no \(shared ? "store-wide" : "personal") view '\(name)'")
            }
            if shared && me.role != .supervisor && me.role != .admin {
                throw .refused("only a supervisor or an admin may delete a store-wide view (\(me.name) is \(me.role.withArticle))")
            }
            return [PendingEvent(reportID: nil, body: .viewDeleted(name: name, owner: owner))]
        case .create(let values):
            try requireDeskRole(me, "record reports")
            var values = values
            values[.recordedBy] = actor
            if (values[.receivedAt] ?? "").isEmpty { values[.receivedAt] = Timestamp.format(now) }
            let fields: ReportFields
            switch validator.fields(from: values) {
            case .success(let valid): fields = valid
            case .failure(let failure): throw .invalid(failure)
            }
            if !fields.externalID.isEmpty, let existing = state.reportID(forExternalID: fields.externalID) {
                throw .conflict("external id '\(fields.externalID)' was already imported as \(existing)")
            }
            let id = state.nextReportID(at: now)
            return [PendingEvent(reportID: id, body: .reportCreated(id: id, fields: fields))]
        case .edit(let id, let values, let expectedVersion):
            let report = try reportInScope(id, me, "edit")
            if let expected = expectedVersion, expected != report.version {
                throw .conflict("\(id) changed since you opened it (last change at event \(report.version)); reload and re-apply")
            }
            for field in values.keys where field.isImmutable {
                throw .invalid(ValidationFailure([FieldError(field: field.name, message: "is set at intake and cannot be edited")]))
            }
            let fields: ReportFields
            switch validator.fields(from: values, base: report.fields) {
            case .success(let valid): fields = valid
            case .failure(let failure): throw .invalid(failure)
            }
            let changes = ReportField.allCases.compactMap { field -> FieldChange? in
                let before = report.fields.text(field), after = fields.text(field)
                return before == after ? nil : FieldChange(field: field, before: before, after: after)
            }
            guard !changes.isEmpty else { throw .refused("nothing to change: the values are the ones \(id) already has") }
            return [PendingEvent(reportID: id, body: .reportEdited(changes: changes))]
        case .take(let id):
            let report = try reportInScope(id, me, "take")
            try allow(.take, report, me)
            return [PendingEvent(reportID: id, body: .reportTaken)]
        case .assign(let id, let assignee):
            let report = try existing(id)
            try allow(.assign, report, me)
            guard let target = state.user(assignee) else { throw .refused("cannot assign \(id) to '\(assignee)': not on the roster") }
            guard target.role == .officer || target.role == .supervisor else {
                throw .refused("cannot assign \(id) to \(assignee): \(target.role.withArticle) does not triage reports")
            }
            guard report.assignee != assignee else { throw .refused("\(id) is already assigned to \(assignee)") }
            return [PendingEvent(reportID: id, body: .reportAssigned(assignee: assignee))]
        case .assess(let id, let input):
            let report = try reportInScope(id, me, "assess")
            try allow(.assess, report, me)
            let problems = input.problems()
            guard problems.isEmpty else { throw .invalid(ValidationFailure(problems)) }
            let assessment = RiskModel.assess(fields: report.fields, input: input, by: actor, at: now)
            return [PendingEvent(reportID: id, body: .reportAssessed(assessment))]
        case .escalate(let id, let reason, let to):
            let report = try reportInScope(id, me, "escalate")
            try allow(.escalate, report, me)
            try requireText(reason, field: "reason", purpose: "an escalation needs a reason")
            if let to, state.user(to)?.role != .supervisor {
                throw .refused("cannot escalate \(id) to '\(to)': not a supervisor on the roster")
            }
            return [PendingEvent(reportID: id, body: .reportEscalated(reason: reason.trimmingSpaces, to: to))]
        case .decide(let id, let outcome, let note):
            let report = try existing(id)
            if report.status != .escalated, let decision = report.decision {
                throw .conflict("\(id) was already decided by \(decision.by) at \(Timestamp.minute(decision.at)) (\(decision.outcome.rawValue))")
            }
            try allow(outcome == .approve ? .approve : .return, report, me)
            try requireText(note, field: "note", purpose: outcome == .approve ? "approval needs a decision note" : "returning a case needs a comment")
            return [PendingEvent(reportID: id, body: .reportDecided(outcome: outcome, note: note.trimmingSpaces))]
        case .respond(let id, let note):
            let report = try reportInScope(id, me, "respond to")
            let row = try allow(.respond, report, me)
            return [PendingEvent(reportID: id, body: .statusChanged(to: row.to ?? .responding, note: note))]
        case .monitor(let id, let note):
            let report = try reportInScope(id, me, "monitor")
            let row = try allow(.monitor, report, me)
            return [PendingEvent(reportID: id, body: .statusChanged(to: row.to ?? .monitoring, note: note))]
        case .retriage(let id, let note):
            let report = try reportInScope(id, me, "re-triage")
            let row = try allow(.retriage, report, me)
            return [PendingEvent(reportID: id, body: .statusChanged(to: row.to ?? .inTriage, note: note))]
        case .comment(let id, let text):
            _ = try reportInScope(id, me, "comment on")
            try requireText(text, field: "text", purpose: "a comment cannot be empty")
            return [PendingEvent(reportID: id, body: .commented(text: text))]
        case .link(let id, let target, let kind):
            let report = try reportInScope(id, me, "link")
            let other = try existing(target)
            guard id != target else { throw .refused("a report cannot be linked to itself") }
            if kind == .duplicateOf { try requireNoOtherOriginal(report, target) }
            if kind == .duplicatedBy { try requireNoOtherOriginal(other, id) }
            return [PendingEvent(reportID: id, body: .linked(kind: kind, target: target))]
        case .unlink(let id, let target):
            let report = try reportInScope(id, me, "unlink")
            guard report.links.contains(where: { $0.target == target }) else {
                throw .refused("\(id) is not linked to \(target)")
            }
            return [PendingEvent(reportID: id, body: .unlinked(target: target))]
        case .expecting(let version, let command):
            // The command's own refusal says more ("already decided by sofia") than "it changed", so it goes first.
            let events = try decide(command)
            if let id = command.reportID, let report = state.report(id), report.version != version {
                let last = report.updatedAt
                throw .conflict("\(id) changed since you opened the form (event \(report.version) at \(Timestamp.minute(last))); review and save again, or drop your changes")
            }
            return events
        case .reveal(let id, let field):
            // Reading is everyone's (auditors too), within an officer's desks; the reveal itself is what is kept.
            let report = try existing(id)
            if me.role == .officer && !me.covers(desk: report.desk) {
                throw .refused("\(me.name) covers other desks; \(id) is on the \(state.vocabularies.desks.label(report.desk)) desk")
            }
            guard field.isSensitive else { throw .refused("\(field.name) is not masked") }
            return [PendingEvent(reportID: id, body: .fieldRevealed(field: field))]
        case .dismissDuplicate(let id, let target):
            let report = try reportInScope(id, me, "dismiss duplicates of")
            _ = try existing(target)
            guard id != target else { throw .refused("a report cannot be a duplicate of itself") }
            guard !report.dismissedDuplicates.contains(target) else { throw .refused("\(target) was already dismissed as a duplicate of \(id)") }
            return [PendingEvent(reportID: id, body: .duplicateDismissed(target: target))]
        case .close(let id, let reason, let duplicateOf):
            let report = try reportInScope(id, me, "close")
            try allow(.close, report, me)
            guard state.vocabularies[.closingReasons].contains(reason) else {
                throw .invalid(ValidationFailure([FieldError(field: "reason", message: "'\(reason)' is not one of \(state.vocabularies[.closingReasons].codeList)")]))
            }
            var events: [PendingEvent] = []
            if reason == "duplicate" {
                guard let original = duplicateOf else {
                    throw .invalid(ValidationFailure([FieldError(field: "duplicate_of", message: "closing as a duplicate needs the original report's id")]))
                }
                guard original != id else { throw .refused("a report cannot be a duplicate of itself") }
                _ = try existing(original)
                try requireNoOtherOriginal(report, original)
                if report.duplicateOf != original {
                    events.append(PendingEvent(reportID: id, body: .linked(kind: .duplicateOf, target: original)))
                }
            } else if duplicateOf != nil {
                throw .invalid(ValidationFailure([FieldError(field: "duplicate_of", message: "only goes with the reason 'duplicate'")]))
            }
            events.append(PendingEvent(reportID: id, body: .reportClosed(reason: reason, duplicateOf: duplicateOf)))
            return events
        case .reopen(let id, let note):
            let report = try existing(id)
            try allow(.reopen, report, me)
            return [PendingEvent(reportID: id, body: .reportReopened(note: note))]
        }
    }

    /// A report duplicates at most one original, so `duplicateOf` and the closure never disagree.
    private func requireNoOtherOriginal(_ copy: Report, _ original: String) throws(DeskError) {
        if let previous = copy.duplicateOf, previous != original {
            throw .refused("\(copy.id) is already linked as a duplicate of \(previous); unlink it first")
        }
    }

    private func existing(_ id: String) throws(DeskError) -> Report {
        guard let report = state.report(id) else { throw .notFound(id) }
        return report
    }

    /// The report, if the user's role writes reports and their desk scope covers it.
    private func reportInScope(_ id: String, _ me: User, _ purpose: String) throws(DeskError) -> Report {
        let report = try existing(id)
        try requireDeskRole(me, purpose + " reports")
        if me.role == .officer && !me.covers(desk: report.desk) {
            let desks = me.desks.map { state.vocabularies.desks.label($0) }.joined(separator: ", ")
            throw .refused("\(me.name) covers \(desks); \(id) is on the \(state.vocabularies.desks.label(report.desk)) desk (a supervisor may \(purpose) it)")
        }
        return report
    }

    @discardableResult
    private func allow(_ action: WorkflowAction, _ report: Report, _ me: User) throws(DeskError) -> Transition {
        switch WorkflowTable.check(action, status: report.status, level: report.effectiveLevel, role: me.role, reportID: report.id) {
        case .success(let row): return row
        case .failure(let refusal): throw .refused(refusal.message)
        }
    }

    private func requireDeskRole(_ me: User, _ purpose: String) throws(DeskError) {
        guard me.role == .officer || me.role == .supervisor else {
            throw .refused("only an officer or a supervisor may \(purpose) (\(me.name) is \(me.role.withArticle))")
        }
    }

    private func requireAdmin(_ me: User, _ purpose: String) throws(DeskError) {
        guard me.role == .admin else { throw .refused("only an admin may \(purpose) (\(me.name) is \(me.role.withArticle))") }
    }

    private func requireText(_ text: String, field: String, purpose: String) throws(DeskError) {
        if text.trimmingSpaces.isEmpty { throw .invalid(ValidationFailure([FieldError(field: field, message: purpose)])) }
    }

    private func checkUser(_ user: User) throws(DeskError) {
        let name = user.name
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw .invalid(ValidationFailure([FieldError(field: "name", message: "'\(name)' must be 1-64 letters, digits, '.', '_' or '-'")]))
        }
        for desk in user.desks where !state.vocabularies.desks.contains(desk) {
            throw .invalid(ValidationFailure([FieldError(field: "desks", message: "'\(desk)' is not a desk (\(state.vocabularies.desks.codeList))")]))
        }
    }
}
