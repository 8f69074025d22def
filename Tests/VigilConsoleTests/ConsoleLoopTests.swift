import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore

/// The console's own loop over a scripted terminal: what reaches the screen, and how often.
@Suite("Console loop")
struct ConsoleLoopTests {
    /// Hands out scripted inputs (all already waiting, as after a burst over a slow link) and keeps every frame.
    private final class ScriptedBackend: TerminalBackend {
        var inputs: [InputEvent]
        private(set) var frames: [Grid] = []

        init(_ inputs: [InputEvent]) { self.inputs = inputs }

        func size() -> (width: Int, height: Int) { (120, 40) }
        func readEvent(timeoutMilliseconds: Int) -> InputEvent? { inputs.isEmpty ? nil : inputs.removeFirst() }
        func present(_ grid: Grid) { frames.append(grid) }
        func forceFullRepaint() {}
        func setMouse(enabled: Bool) {}
        func suspend() {}
        func editExternally(_ text: String) -> String? { nil }
        func panic() {}
    }

    @Test("keys already waiting are all reduced before one frame is drawn: five moves, one frame; the sixth after a pause, its own")
    func waitingKeysOneFrame() throws {
        let fixture = try FixtureStore()
        let moves = Array(repeating: InputEvent.key(.character("j")), count: 5)
        let backend = ScriptedBackend(moves + [.tick, .key(.character("j")), .tick])
        let app = ConsoleApp(store: fixture.store, session: Session(user: "noor", storePath: fixture.path), backend: backend,
                             keymap: Keymap.standard, clock: { fixedNow })
        app.run()
        // The first paint, one frame for the burst of five, one for the key after the pause; then the input ended.
        #expect(backend.frames.count == 3)
        #expect(app.state.list.selected == 6)
    }
}
