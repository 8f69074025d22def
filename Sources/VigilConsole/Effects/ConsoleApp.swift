import Foundation
import TerminalKit
import VigilCore
import VigilStore

/// The console's loop: input -> action -> reduce -> effects -> render -> present, plus the change feed and the
/// clock, both injected.
public final class ConsoleApp {
    public private(set) var state: AppState
    private let backend: any TerminalBackend
    private let runner: EffectRunner
    private let clock: () -> Date

    /// Checks a passphrase typed on the lock screen; given by the executable, which knows how keys are read.
    public var unlock: (String) -> Bool = { _ in false }

    public init(store: SQLiteStore, session: Session, backend: any TerminalBackend, keymap: Keymap, clock: @escaping () -> Date) {
        let size = backend.size()
        self.state = AppState(desk: store.state, session: session, now: clock(), width: size.width, height: size.height, keymap: keymap)
        self.backend = backend
        self.runner = EffectRunner(store: store, user: session.user)
        self.clock = clock
    }

    /// Runs until quit or until the terminal goes away.
    public func run() {
        dispatch(.tick(clock()))
        backend.present(ConsoleView.render(state))
        var lastPoll = clock()
        // Leaving says so at once, rather than waiting for the presence to go stale.
        defer { _ = runner.run(.announcePresence(reportID: nil), now: clock()) }
        while !state.shouldQuit {
            guard let event = backend.readEvent(timeoutMilliseconds: 250) else { return }
            handle(event)
            // Keys that arrived meanwhile (a held j, typing ahead over a slow link) are all reduced before one
            // frame is drawn: a frame per key would send the detail of every report passed over.
            var drained = 0
            while !state.shouldQuit, drained < Self.drainLimit {
                guard let pending = backend.readEvent(timeoutMilliseconds: 0) else { return }
                if case .tick = pending { break }
                handle(pending)
                drained += 1
            }
            // The change feed and the clock: a cheap check a few times a second shows other consoles' work and
            // deadlines passing without a key press.
            let now = clock()
            if now.timeIntervalSince(lastPoll) >= 0.25 {
                lastPoll = now
                if let changed = runner.poll() { dispatch(changed) }
                dispatch(.tick(now))
            }
            if state.shouldQuit { return }
            backend.present(ConsoleView.render(state))
        }
    }

    /// At most this many waiting inputs are reduced before a frame is drawn, so the screen keeps up under a flood.
    static let drainLimit = 64

    private func handle(_ event: InputEvent) {
        switch event {
        case .key(let key): dispatch(.key(key))
        case .resize(let width, let height): dispatch(.resize(width: width, height: height))
        case .mouse(let mouse): dispatch(.mouse(mouse))
        case .tick: break
        }
    }

    /// Reduces an action and runs its effects until no more actions come back.
    public func dispatch(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                switch effect {
                case .perform, .performAll, .addUser, .loadHistory, .announcePresence: queue += runner.run(effect, now: clock())
                case .setMouse(let enabled): backend.setMouse(enabled: enabled)
                case .redraw: backend.forceFullRepaint()
                case .suspend:
                    backend.suspend()
                    let size = backend.size()
                    queue.append(.resize(width: size.width, height: size.height))
                case .quit: break
                case .panic:
                    backend.panic()
                    state.shouldQuit = true
                    return
                case .unlock(let passphrase):
                    queue.append(.unlockChecked(unlock(passphrase)))
                case .editExternally(let fieldID, let text):
                    queue.append(.editorFinished(fieldID: fieldID, text: backend.editExternally(text)))
                }
            }
        }
    }
}
