/// Every action a key can be bound to, by its stable name (used in keymap files, help and the `:` prompt).
public enum ActionName: String, CaseIterable, Sendable {
    case down, up, top, bottom
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfDown = "half-down"
    case halfUp = "half-up"
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case open, back, quit, help
    case filter, command, search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case clearFilter = "clear-filter"
    case sort
    case triage, queue, stats
    case take, assign, assess, escalate, approve
    case `return`
    case respond, monitor, retriage
    case comment
    case new
    case edit, close, reopen
    case toggleMouse = "toggle-mouse"
    case redraw, suspend
    case showPane = "show-pane"
    case queueMine = "queue-mine"
    case queueNew = "queue-new"
    case queueOverdue = "queue-overdue"
    case queueReassess = "queue-reassess"
    case queueClosed = "queue-closed"
    /// Officers: switch between their desks and all desks.
    case widen
    /// Confirm or dismiss a suggested duplicate.
    case duplicates
    case mark
    case markAll = "mark-all"
    /// Set the TLP sharing label.
    case label
    /// Link the report (or the marked ones) as a duplicate of another.
    case linkDuplicate = "link-duplicate"
    /// Pick a saved view.
    case views
    /// Replace the screen with a neutral lock screen until the passphrase is given.
    case lock
    /// Clear the screen and scrollback and exit at once.
    case panic
    /// Mask or show real names, contacts and exact places.
    case privacy
    /// Reveal one masked field of the report (recorded in its history).
    case reveal

    /// One line of help text.
    public var help: String {
        switch self {
        case .down: "move down"
        case .up: "move up"
        case .top: "go to the first row"
        case .bottom: "go to the last row"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .halfDown: "half a page down"
        case .halfUp: "half a page up"
        case .nextPane: "focus the next pane"
        case .previousPane: "focus the previous pane"
        case .open: "open the selected report / apply a facet"
        case .back: "back / close"
        case .quit: "quit (asks if a form has unsaved changes)"
        case .help: "this help"
        case .filter: "filter (desk:, risk:high+, status:!closed, words...)"
        case .command: "run an action by name"
        case .search: "search the list for text"
        case .searchNext: "next search match"
        case .searchPrevious: "previous search match"
        case .clearFilter: "clear the filter"
        case .sort: "cycle the sort order"
        case .triage: "triage screen"
        case .queue: "escalation queue"
        case .stats: "statistics"
        case .take: "take the report into triage"
        case .assign: "assign the report to someone"
        case .assess: "assess the risk"
        case .escalate: "escalate to a supervisor"
        case .approve: "approve a response (supervisor)"
        case .return: "return to triage (supervisor)"
        case .respond: "start a response (low/medium)"
        case .monitor: "move to monitoring"
        case .retriage: "send back to triage"
        case .comment: "add a comment"
        case .new: "record a new report"
        case .edit: "edit the report's fields"
        case .close: "close the report"
        case .reopen: "reopen a closed report (supervisor)"
        case .toggleMouse: "mouse on/off (off keeps text selection)"
        case .redraw: "repaint the screen"
        case .suspend: "suspend to the shell (fg to return)"
        case .showPane: "narrow screens: switch between list and detail"
        case .queueMine: "my queue: assigned to me or mentioning me"
        case .queueNew: "new reports on my desks, oldest first"
        case .queueOverdue: "reports with a clock passed"
        case .queueReassess: "reassessment due"
        case .queueClosed: "recently closed"
        case .widen: "my desks / all desks"
        case .duplicates: "confirm or dismiss a suggested duplicate"
        case .mark: "mark/unmark the report for a bulk action"
        case .markAll: "mark every listed report (again: unmark all)"
        case .label: "set the TLP sharing label"
        case .linkDuplicate: "link as a duplicate of another report"
        case .views: "saved views (:save NAME, :save-shared NAME, :delete-view NAME)"
        case .lock: "lock the screen now (it also locks when idle)"
        case .panic: "panic: clear the screen and scrollback and exit at once"
        case .privacy: "privacy mode on/off: mask real names, contacts and places"
        case .reveal: "reveal a masked field (recorded in the history)"
        }
    }

    /// Whether the action changes the store (hidden from read-only users).
    public var writes: Bool {
        switch self {
        case .take, .assign, .assess, .escalate, .approve, .return, .respond, .monitor, .retriage, .comment, .new,
             .edit, .close, .reopen, .duplicates, .label, .linkDuplicate: true
        default: false
        }
    }
}
