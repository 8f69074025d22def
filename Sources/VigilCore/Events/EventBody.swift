/// What an event says happened. Each case has a stable kind string stored beside its payload.
public enum EventBody: Sendable, Equatable {
    case userAdded(User)
    case userChanged(User)
    /// A user taken off the roster: they act no more, and a sealed store seals what follows under a new key.
    case userRemoved(name: String)
    case settingsChanged(Settings)
    case viewSaved(SavedView)
    /// Reports left the store in an export: how many, which filter, whether pseudonymised, and why withheld
    /// reports were included if they were.
    case exportMade(Export)
    case viewDeleted(name: String, owner: String?)
    case reportCreated(id: String, fields: ReportFields)
    case reportEdited(changes: [FieldChange])
    case reportTaken
    case reportAssigned(assignee: String)
    case reportAssessed(RiskAssessment)
    case reportEscalated(reason: String, to: String?)
    case reportDecided(outcome: Decision.Outcome, note: String)
    case statusChanged(to: Status, note: String)
    case commented(text: String)
    case linked(kind: ReportLink.Kind, target: String)
    case unlinked(target: String)
    /// An officer looked at a suggested duplicate and decided it is a different case.
    case duplicateDismissed(target: String)
    /// Someone revealed a masked field (a real name, a contact, an exact place) on screen.
    case fieldRevealed(field: ReportField)
    case reportClosed(reason: String, duplicateOf: String?)
    case reportReopened(note: String)

    /// What an export took out of the store.
    public struct Export: Codable, Sendable, Equatable {
        public var count: Int
        public var filter: String
        public var format: String
        public var pseudonymised: Bool
        /// Set when red-TLP or internal-only reports were included on purpose.
        public var forcedReason: String?

        public init(count: Int, filter: String, format: String, pseudonymised: Bool, forcedReason: String?) {
            self.count = count
            self.filter = filter
            self.format = format
            self.pseudonymised = pseudonymised
            self.forcedReason = forcedReason
        }
    }

    /// Store-wide settings a store may override: the desk map and the clock table.
    public struct Settings: Codable, Sendable, Equatable {
        /// Country code -> desk code, replacing the default map for those countries.
        public var deskMap: [String: String]?
        public var clocks: ClockTable?
        /// Seconds of inactivity after which a console locks itself.
        public var lockAfter: Double?
        /// When true, officers scoped to desks cannot widen their console to every desk.
        public var restrictWidening: Bool?

        public init(deskMap: [String: String]? = nil, clocks: ClockTable? = nil, lockAfter: Double? = nil,
                    restrictWidening: Bool? = nil) {
            self.deskMap = deskMap
            self.clocks = clocks
            self.lockAfter = lockAfter
            self.restrictWidening = restrictWidening
        }
    }

    /// The stable kind string, e.g. `report.escalated`.
    public var kind: String {
        switch self {
        case .userAdded: "user.added"
        case .userChanged: "user.changed"
        case .userRemoved: "user.removed"
        case .settingsChanged: "settings.changed"
        case .viewSaved: "view.saved"
        case .exportMade: "export.made"
        case .viewDeleted: "view.deleted"
        case .reportCreated: "report.created"
        case .reportEdited: "report.edited"
        case .reportTaken: "report.taken"
        case .reportAssigned: "report.assigned"
        case .reportAssessed: "report.assessed"
        case .reportEscalated: "report.escalated"
        case .reportDecided: "report.decided"
        case .statusChanged: "report.status_changed"
        case .commented: "report.commented"
        case .linked: "report.linked"
        case .unlinked: "report.unlinked"
        case .duplicateDismissed: "report.duplicate_dismissed"
        case .fieldRevealed: "report.field_revealed"
        case .reportClosed: "report.closed"
        case .reportReopened: "report.reopened"
        }
    }
}
