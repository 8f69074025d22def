import Foundation
import TerminalKit
import VigilCore

/// `reduce(state, action) -> effects`: the only place the console's state changes.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects: [Effect]
        switch action {
        case .key(let key): effects = KeyRouter.route(&state, key)
        case .named(let name): effects = NamedActions.run(&state, name)
        case .resize(let width, let height):
            state.width = max(width, 1)
            state.height = max(height, 1)
            effects = [.redraw]
        case .tick(let now):
            let minuteChanged = Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60)
            state.now = now
            // Clocks cross deadlines as time passes: re-sort once a minute, not on every tick.
            if minuteChanged { state.refreshLists() }
            effects = []
            effects += LockScreen.idle(&state)
            if state.presenceAnnounced.map({ now.timeIntervalSince($0) >= 2 }) ?? true {
                state.presenceAnnounced = now
                effects.append(.announcePresence(reportID: state.selectedReport?.id))
            }
        case .mouse(let event): effects = MouseRouter.route(&state, event)
        case .storeChanged(let desk):
            state.desk = desk
            state.refreshLists()
            effects = []
        case .historyLoaded(let id, let version, let events):
            state.history = (id, version, events)
            effects = []
        case .commandSucceeded(let message, let desk):
            state.form = nil
            state.marked = []
            // Reload the history even when the report's version did not move (a reveal changes no field).
            state.history = nil
            state.desk = desk
            state.refreshLists()
            state.message = StatusMessage(message)
            effects = []
        case .commandFailed(let failure):
            state.message = StatusMessage(failure.message, isError: true)
            if state.form != nil {
                state.form?.show(failure.fieldErrors, message: failure.message)
                if failure.isConflict { ConflictResolution.offer(&state, failure: failure) }
            }
            effects = []
        case .unlockChecked(let ok):
            effects = LockScreen.unlocked(&state, ok)
        case .feedFailed(let problem):
            state.message = StatusMessage(problem, isError: true)
            effects = []
        case .presenceChanged(let viewers):
            state.viewers = viewers.mapValues { $0.filter { $0 != state.session.user } }.filter { !$0.value.isEmpty }
            effects = []
        case .editorFinished(let fieldID, let text):
            if let text { state.form?.setValue(fieldID, text) }
            effects = [.redraw]
        }
        return effects + historyEffects(&state)
    }

    /// Asks for the selected report's history when it is not the one loaded (or the report changed since).
    static func historyEffects(_ state: inout AppState) -> [Effect] {
        guard let report = state.selectedReport else { return [] }
        if state.duplicates?.id != report.id || state.duplicates?.version != report.version {
            state.duplicates = (report.id, report.version, DuplicateFinder.candidates(for: report, in: state.desk))
        }
        if let history = state.history, history.id == report.id, history.version == report.version { return [] }
        if state.history?.id != report.id { state.detailScroll = 0 }
        state.history = (report.id, report.version, [])
        return [.loadHistory(id: report.id)]
    }
}
