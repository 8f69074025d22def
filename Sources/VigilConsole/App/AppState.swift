import Foundation
import TerminalKit
import VigilCore

/// Everything the console shows, as one value. `reduce` makes the next one; `render` draws it.
public struct AppState: Sendable {
    public var desk: DeskState
    public var session: Session
    /// The injected time: set by ticks, never read from the clock here.
    public var now: Date
    public var width: Int
    public var height: Int
    public var screen: Screen
    public var focus: Pane = .list
    /// Below 80 columns one pane shows at a time: this one.
    public var narrowPane: Pane = .list
    public var filter: Filter = .all
    public var sort: VigilCore.SortOrder = .triage
    public var triage = ListModel()
    public var queue = ListModel()
    public var facets = Facets()
    public var facetSelection = 0
    /// The statistics screen's counts, computed when it is shown (they include acts and weeks).
    public var statistics: Facets?
    /// How many reports each standing queue holds, refreshed with the lists.
    public var queueCounts: [WorkQueue: Int] = [:]
    /// The standing queue the triage list shows, if it shows one rather than a typed filter.
    public var activeQueue: WorkQueue?
    public var detailScroll = 0
    /// The history of the selected report, loaded from the store by an effect.
    public var history: (id: String, version: Int64, events: [Event])?
    /// Likely duplicates of the selected report (same defender, country, incidents within 30 days).
    public var duplicates: (id: String, version: Int64, candidates: [DuplicateFinder.Candidate])?
    public var prompt: Prompt?
    public var overlay: OverlayState?
    public var form: FormState?
    public var lastSearch: String?
    public var message: StatusMessage?
    public var keymap: Keymap
    public var mouseEnabled = false
    /// Other users looking at each report right now (report id -> names), from the presence table.
    public var viewers: [String: [String]] = [:]
    /// When presence was last announced, so the tick does it every few seconds, not on every poll.
    public var presenceAnnounced: Date?
    /// The screen is locked: nothing but the lock screen is drawn until the user unlocks.
    public var locked = false
    public var lockEditor = LineEditor()
    public var lockError: String?
    /// When a key was last pressed, for the idle lock.
    public var lastInput: Date
    /// Privacy mode: real names, contacts and exact places are masked until revealed, field by field.
    public var privacy: Bool
    /// When this console started: fields revealed since then (each reveal an event) show unmasked.
    public let sessionStart: Date
    /// Reports marked for a bulk action (Space marks one, * every one listed).
    public var marked: Set<String> = []
    public var shouldQuit = false

    public init(desk: DeskState, session: Session, now: Date, width: Int, height: Int, keymap: Keymap = .standard) {
        self.desk = desk
        self.session = session
        self.now = now
        self.width = width
        self.height = height
        self.keymap = keymap
        self.lastInput = now
        self.sessionStart = now
        self.privacy = session.sealed
        self.screen = desk.user(session.user)?.role == .supervisor ? .queue : .triage
        if let user = desk.user(session.user), user.role == .officer, !user.desks.isEmpty {
            let text = "desk:" + user.desks.joined(separator: ",") + " status:!closed"
            filter = (try? Filter.parse(text, vocabularies: desk.vocabularies)) ?? .all
        } else {
            filter = (try? Filter.parse("status:!closed", vocabularies: desk.vocabularies)) ?? .all
        }
        refreshLists()
    }

    public var user: User? { desk.user(session.user) }

    /// Auditors and people not on the roster see no write actions.
    public var canWrite: Bool { user.map { $0.role == .officer || $0.role == .supervisor } ?? false }

    public var context: FilterContext { FilterContext(me: session.user, now: now, clocks: desk.clocks) }

    /// The list the current screen shows.
    public var list: ListModel {
        get { screen == .queue ? queue : triage }
        set { if screen == .queue { queue = newValue } else { triage = newValue } }
    }

    public var selectedReport: Report? { list.current.map { desk.report($0.report.id) ?? $0.report } }

    /// Recomputes the lists and facet counts from the fold: after a filter, sort or store change. The standing
    /// queues' counts depend only on the store and the clock, so a filter or sort change leaves them be.
    public mutating func refreshLists(queues: Bool = true) {
        triage.replace(ReportQuery.run(desk, filter: filter, sort: sort, context: context))
        let escalated = (try? Filter.parse("status:escalated", vocabularies: desk.vocabularies)) ?? .all
        queue.replace(ReportQuery.run(desk, filter: escalated, sort: VigilCore.SortOrder(key: .due), context: context))
        facets = Facets.count(desk, filter: filter, context: context, weeks: false, acts: false)
        for queue in WorkQueue.allCases where queues || queueCounts.isEmpty {
            let query = queue.query(for: user, vocabularies: desk.vocabularies)
            var count = 0
            for index in desk.reports.indices where query.filter.matches(at: index, in: desk, context: context) { count += 1 }
            queueCounts[queue] = count
        }
        statistics = screen == .stats ? Facets.count(desk, filter: filter, context: context) : nil
    }

    /// Whether the screen is too small to draw anything useful.
    public var isTooSmall: Bool { width < 40 || height < 12 }

    /// How many panes fit side by side: 3 at 120 columns, 2 at 80, else 1.
    public var paneCount: Int { width >= 120 ? 3 : width >= 80 ? 2 : 1 }
}
