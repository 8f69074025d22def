import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// A real store holding the fixture's log, in a private temp folder removed when the test is done.
final class FixtureStore {
    let folder: String
    let path: String
    let store: SQLiteStore

    init() throws {
        folder = NSTemporaryDirectory() + "vigil-console-tests-" + UUID().uuidString
        path = folder + "/desk.vigil"
        store = try SQLiteStore.create(at: path, admin: "admin", now: fixedNow.addingTimeInterval(-31 * day))
        try store.performAll(Fixture.submissions)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Another connection to the same file, as a second console or command would have.
    func openAnother() throws -> SQLiteStore { try SQLiteStore.open(at: path) }

    /// Events in the log, read back from the file by a fresh connection (not the in-memory fold).
    func eventCount() throws -> Int64 { try openAnother().state.head }
}

/// Drives the console like `ConsoleApp.dispatch` does, without a terminal: reduce, run the store effects
/// through a real `EffectRunner`, feed their actions back, and keep the terminal effects for the test to check.
final class ConsoleDriver {
    var state: AppState
    let runner: EffectRunner
    let now: Date
    /// Every effect that is not the store's (quit, redraw, editExternally, ...), in order.
    private(set) var terminalEffects: [Effect] = []
    /// Every command the reducer asked the store to perform.
    private(set) var performed: [Command] = []

    convenience init(_ fixture: FixtureStore, user: String, width: Int = 120, height: Int = 40, now: Date = fixedNow) {
        self.init(store: fixture.store, user: user, width: width, height: height, now: now)
    }

    init(store: SQLiteStore, user: String, width: Int = 120, height: Int = 40, now: Date = fixedNow) {
        self.now = now
        state = AppState(desk: store.state, session: Session(user: user, storePath: store.path, sealed: store.isSealed),
                         now: now, width: width, height: height)
        runner = EffectRunner(store: store, user: user)
        send(.tick(now))
    }

    /// Reduces an action and everything its effects bring back; returns the terminal effects it produced.
    @discardableResult
    func send(_ action: Action) -> [Effect] {
        var produced: [Effect] = []
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                switch effect {
                case .perform(let command, _):
                    performed.append(command)
                    queue += runner.run(effect, now: now)
                case .performAll(let commands, _):
                    performed += commands
                    queue += runner.run(effect, now: now)
                case .loadHistory, .addUser:
                    queue += runner.run(effect, now: now)
                default:
                    produced.append(effect)
                }
            }
        }
        terminalEffects += produced
        return produced
    }

    /// Presses keys given by their keymap names, separated by spaces: `"f C-u"`, `"j j Enter"`, `"S-Tab"`.
    @discardableResult
    func keys(_ names: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        var produced: [Effect] = []
        for name in names.split(separator: " ") {
            guard let key = Key(name: String(name)) else {
                Issue.record("unknown key name '\(name)'", sourceLocation: sourceLocation)
                continue
            }
            produced += send(.key(key))
        }
        return produced
    }

    /// Types text, one key per character.
    @discardableResult
    func type(_ text: String) -> [Effect] {
        text.reduce(into: []) { produced, character in produced += send(.key(.character(character))) }
    }

    /// Moves the selection to the report with `id` with g and j, as a user would.
    func select(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        keys("g")
        for _ in 0..<state.list.rows.count {
            if state.list.current?.report.id == id { return }
            keys("j")
        }
        Issue.record("\(id) is not listed: \(listedIDs)", sourceLocation: sourceLocation)
    }

    var screen: [String] { ConsoleView.render(state).lines() }

    var screenText: String { screen.joined(separator: "\n") }

    /// Ids listed on the current screen, in order.
    var listedIDs: [String] { state.list.rows.map(\.report.id) }
}
