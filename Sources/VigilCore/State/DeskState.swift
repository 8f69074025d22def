import Foundation

/// The working state of a store: the fold of its event log. `state = events.reduce(apply)`.
public struct DeskState: Sendable {
    public let vocabularies: Vocabularies
    /// Reports in creation order; `position` finds one by id.
    public private(set) var reports: [Report] = []
    /// `keys[i]` describes `reports[i]`.
    public private(set) var keys: [ReportKeys] = []
    private var position: [String: Int] = [:]
    public private(set) var users: [String: User] = [:]
    /// Desk map overrides on top of the vocabulary's defaults.
    public private(set) var deskOverrides: [String: String] = [:]
    public private(set) var clocks: ClockTable
    /// Seconds of inactivity after which a console locks (default five minutes).
    public private(set) var lockAfter: Double = 300
    /// Officers scoped to desks may not widen their console to every desk.
    public private(set) var wideningRestricted = false
    /// Saved views, personal and store-wide, in the order they were first saved.
    public private(set) var views: [SavedView] = []
    /// The seq of the last event applied; 0 for an empty log.
    public private(set) var head: Int64 = 0
    /// The last report number used per year, for ids like `R-2026-00042`.
    private var lastNumber: [Int: Int] = [:]
    private var externalIDs: [String: String] = [:]

    public init(vocabularies: Vocabularies = .standard) {
        self.vocabularies = vocabularies
        self.clocks = vocabularies.defaultClocks
    }

    mutating func restore(_ snapshot: DeskSnapshot) {
        reports = snapshot.reports
        users = Dictionary(uniqueKeysWithValues: snapshot.users.map { ($0.name, $0) })
        deskOverrides = snapshot.deskOverrides
        clocks = snapshot.clocks
        views = snapshot.views
        lockAfter = snapshot.lockAfter
        wideningRestricted = snapshot.wideningRestricted
        head = snapshot.head
        position = [:]
        position.reserveCapacity(reports.count)
        rebuildKeys()
        // Index by position rather than iterating values: copying a million reports costs more than the rest.
        for index in reports.indices {
            let id = reports[index].id
            position[id] = index
            if let (year, number) = ReportID.parse(id) { lastNumber[year] = max(lastNumber[year] ?? 0, number) }
            let externalID = reports[index].fields.externalID
            if !externalID.isEmpty { externalIDs[externalID] = id }
        }
    }

    private mutating func rebuildKeys() {
        // Mapped over the elements, not indices: subscripting copies each report (and retains all its strings).
        let desks = vocabularies.desks, acts = vocabularies[.acts]
        keys = reports.map { ReportKeys($0, desks: desks, acts: acts, clocks: clocks) }
    }

    public func report(_ id: String) -> Report? { position[id].map { reports[$0] } }

    public func user(_ name: String) -> User? { users[name] }

    /// The report imported under a partner's external id, if any.
    public func reportID(forExternalID externalID: String) -> String? { externalIDs[externalID] }

    /// The desk a country belongs to in this store.
    public func desk(forCountry code: String) -> String {
        deskOverrides[code] ?? vocabularies.country(code)?.defaultDesk ?? ""
    }

    /// The desk of a report's fields: the explicit override, else the country's.
    public func desk(for fields: ReportFields) -> String {
        fields.deskOverride.isEmpty ? desk(forCountry: fields.country) : fields.deskOverride
    }

    /// The id the next report created at `now` gets.
    public func nextReportID(at now: Date) -> String {
        let year = Calendar.utc.component(.year, from: now)
        return ReportID.make(year: year, number: (lastNumber[year] ?? 0) + 1)
    }

    /// Applies one event; a log that contradicts itself (an unknown report, a gap in seq) is an error naming the seq.
    public mutating func apply(_ event: Event) throws(FoldError) {
        guard event.seq == head + 1 else {
            throw FoldError(seq: event.seq, problem: "expected seq \(head + 1)")
        }
        switch event.body {
        case .userAdded(let user):
            users[user.name] = user
        case .userChanged(var user):
            // A role or desk change never swaps keys: that would let an admin speak as the user.
            user.keys = users[user.name]?.keys
            users[user.name] = user
        case .userRemoved(let name):
            users[name] = nil
        case .viewSaved(let view):
            if let index = views.firstIndex(where: { $0.name == view.name && $0.owner == view.owner }) {
                views[index] = view
            } else {
                views.append(view)
            }
        case .viewDeleted(let name, let owner):
            views.removeAll { $0.name == name && $0.owner == owner }
        case .exportMade:
            break
        case .settingsChanged(let settings):
            if let map = settings.deskMap {
                for (country, desk) in map { deskOverrides[country] = desk }
                for index in reports.indices { reports[index].desk = desk(for: reports[index].fields) }
            }
            if let clocks = settings.clocks { self.clocks = clocks }
            if let lock = settings.lockAfter { lockAfter = lock }
            if let restrict = settings.restrictWidening { wideningRestricted = restrict }
            rebuildKeys()
        case .reportCreated(let id, let fields):
            guard position[id] == nil else { throw FoldError(seq: event.seq, problem: "report \(id) already exists") }
            position[id] = reports.count
            let report = Report(id: id, fields: fields, desk: desk(for: fields), createdAt: event.time, seq: event.seq)
            reports.append(report)
            keys.append(ReportKeys(report, vocabularies: vocabularies, clocks: clocks))
            if let (year, number) = ReportID.parse(id) { lastNumber[year] = max(lastNumber[year] ?? 0, number) }
            if !fields.externalID.isEmpty { externalIDs[fields.externalID] = id }
        case .fieldRevealed:
            // Recorded for the history, but it changes nothing in the report (nor its version, which forms check).
            guard let id = event.reportID, position[id] != nil else {
                throw FoldError(seq: event.seq, problem: "event \(event.body.kind) names unknown report \(event.reportID ?? "-")")
            }
        default:
            guard let id = event.reportID, let index = position[id] else {
                throw FoldError(seq: event.seq, problem: "event \(event.body.kind) names unknown report \(event.reportID ?? "-")")
            }
            try applyToReport(event, at: index)
        }
        head = event.seq
    }

    private mutating func applyToReport(_ event: Event, at index: Int) throws(FoldError) {
        var report = reports[index]
        report.updatedAt = event.time
        report.version = event.seq
        switch event.body {
        case .reportEdited(let changes):
            for change in changes { report.fields.set(change.field, text: change.after) }
            report.desk = desk(for: report.fields)
        case .reportTaken:
            report.assignee = event.actor
            report.takenAt = report.takenAt ?? event.time
            if report.status == .new { report.status = .inTriage }
        case .reportAssigned(let assignee):
            report.assignee = assignee
            report.takenAt = report.takenAt ?? event.time
            if report.status == .new { report.status = .inTriage }
        case .reportAssessed(let assessment):
            report.assessment = assessment
            report.status = .assessed
        case .reportEscalated(let reason, let to):
            report.escalation = Escalation(by: event.actor, at: event.time, reason: reason, to: to)
            report.decision = nil
            report.status = .escalated
        case .reportDecided(let outcome, let note):
            report.decision = Decision(by: event.actor, at: event.time, outcome: outcome, note: note)
            report.status = outcome == .approve ? .responding : .inTriage
            if outcome == .approve { report.respondingSince = event.time }
        case .statusChanged(let to, _):
            report.status = to
            if to == .responding || to == .monitoring { report.respondingSince = event.time }
        case .commented(let text):
            report.comments.append(Comment(seq: event.seq, author: event.actor, at: event.time, text: text))
        case .linked(let kind, let target):
            guard let other = position[target] else {
                throw FoldError(seq: event.seq, problem: "link to unknown report \(target)")
            }
            report.links.removeAll { $0.target == target }
            report.links.append(ReportLink(kind: kind, target: target))
            let reverse: ReportLink.Kind = switch kind {
            case .duplicateOf: .duplicatedBy
            case .duplicatedBy: .duplicateOf
            case .related: .related
            }
            reports[other].links.removeAll { $0.target == report.id }
            reports[other].links.append(ReportLink(kind: reverse, target: report.id))
            reports[other].version = event.seq
        case .unlinked(let target):
            report.links.removeAll { $0.target == target }
            if let other = position[target] { reports[other].links.removeAll { $0.target == report.id } }
        case .duplicateDismissed(let target):
            if !report.dismissedDuplicates.contains(target) { report.dismissedDuplicates.append(target) }
        case .reportClosed(let reason, let duplicateOf):
            report.closure = Closure(by: event.actor, at: event.time, reason: reason, duplicateOf: duplicateOf)
            report.status = .closed
        case .reportReopened:
            report.status = .inTriage
            report.closure = nil
        case .userAdded, .userChanged, .userRemoved, .settingsChanged, .reportCreated, .viewSaved, .viewDeleted, .fieldRevealed, .exportMade:
            break
        }
        reports[index] = report
        keys[index] = ReportKeys(report, vocabularies: vocabularies, clocks: clocks)
    }
}

/// The log contradicts itself at an event.
public struct FoldError: Error, Sendable, CustomStringConvertible {
    public let seq: Int64
    public let problem: String
    public var description: String { "event \(seq): \(problem)" }
}

extension Calendar {
    /// The Gregorian calendar in UTC: every day and year in Vigil is a UTC one.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
