import Foundation
import VigilCore
import VigilStore

/// Runs the effects that touch the store, turning their results into actions.
public final class EffectRunner {
    public let store: SQLiteStore
    public let user: String

    public init(store: SQLiteStore, user: String) {
        self.store = store
        self.user = user
    }

    /// The store effects; terminal effects are the loop's.
    public func run(_ effect: Effect, now: Date) -> [Action] {
        switch effect {
        case .perform(let command, let message):
            do {
                try store.perform(command, as: user, now: now)
                return [.commandSucceeded(message: message, desk: store.state)]
            } catch let error as DeskError {
                var fields: [FieldError] = []
                if case .invalid(let failure) = error { fields = failure.errors }
                var conflict = false
                var history: [Event] = []
                if case .conflict = error {
                    conflict = true
                    history = command.reportID.flatMap { try? store.history(of: $0) } ?? []
                }
                // Someone else's appends were folded in while deciding: show them too.
                return [.storeChanged(store.state), .commandFailed(DeskErrorMessage(message: error.description, fieldErrors: fields, isConflict: conflict, history: history))]
            } catch {
                return [.commandFailed(DeskErrorMessage(message: "\(error)"))]
            }
        case .addUser(let user, let passphrase, let message):
            do {
                // The slow part (scrypt, about a second) happens here, once; the store decides again inside.
                try store.addUser(user, passphrase: Passphrase(passphrase), as: self.user, now: now)
                return [.commandSucceeded(message: message, desk: store.state)]
            } catch let error as DeskError {
                return [.storeChanged(store.state), .commandFailed(DeskErrorMessage(message: error.description))]
            } catch {
                return [.commandFailed(DeskErrorMessage(message: "\(error)"))]
            }
        case .performAll(let commands, let message):
            do {
                try store.performAll(commands, as: user, now: now)
                return [.commandSucceeded(message: message, desk: store.state)]
            } catch {
                return [.storeChanged(store.state), .commandFailed(DeskErrorMessage(message: "nothing was changed: \(error)"))]
            }
        case .announcePresence(let reportID):
            // Presence is a courtesy: if it cannot be written, the console goes on without it.
            try? store.announce(user: user, viewing: reportID, now: now)
            return [.presenceChanged((try? store.viewers(now: now)) ?? [:])]
        case .loadHistory(let id):
            let events = (try? store.history(of: id)) ?? []
            return [.historyLoaded(id: id, version: store.state.report(id)?.version ?? 0, events: events)]
        default:
            return []
        }
    }

    /// The last feed failure reported, so one that persists is said once, not four times a second.
    private var feedProblem: String?

    /// The change feed: other processes' appends, as an action, or nothing when the log is unchanged; a failure
    /// to read them is reported (once), since a console that silently stops updating shows a desk that is not.
    public func poll() -> Action? {
        do {
            let events = try store.poll()
            feedProblem = nil
            return events.isEmpty ? nil : .storeChanged(store.state)
        } catch {
            let problem = "updates stopped: \(error)"
            guard problem != feedProblem else { return nil }
            feedProblem = problem
            return .feedFailed(problem)
        }
    }
}
