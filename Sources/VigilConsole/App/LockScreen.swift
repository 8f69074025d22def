import Foundation
import TerminalKit

/// The lock: one key or an idle timeout replaces the screen with a neutral one; the passphrase (sealed stores)
/// or Enter (plain stores, which hide nothing from whoever holds the file) brings it back.
enum LockScreen {
    static func lock(_ state: inout AppState) -> [Effect] {
        state.locked = true
        state.lockEditor = LineEditor()
        state.lockError = nil
        state.prompt = nil
        state.overlay = nil
        // A full repaint so no cell of the old screen survives in the terminal.
        return [.redraw]
    }

    static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .enter:
            guard state.session.sealed else { return unlocked(&state, true) }
            let typed = state.lockEditor.text
            state.lockEditor = LineEditor()
            return [.unlock(passphrase: typed)]
        case .ctrl("c"):
            state.shouldQuit = true
            return [.quit]
        default:
            _ = state.lockEditor.handle(key)
            return []
        }
    }

    static func unlocked(_ state: inout AppState, _ ok: Bool) -> [Effect] {
        if ok {
            state.locked = false
            state.lockError = nil
            state.lastInput = state.now
            return [.redraw]
        }
        state.lockError = "wrong passphrase"
        return []
    }

    /// Locks when no key came for the store's timeout.
    static func idle(_ state: inout AppState) -> [Effect] {
        guard !state.locked, state.now.timeIntervalSince(state.lastInput) >= state.desk.lockAfter else { return [] }
        return lock(&state)
    }

    static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: max(state.width, 0), height: max(state.height, 0))
        let lines = [
            "Vigil is locked",
            state.session.sealed ? "Passphrase for \(state.session.user): " + String(repeating: "*", count: state.lockEditor.text.count)
                : "Press Enter to unlock",
            state.lockError ?? "",
        ]
        for (index, line) in lines.enumerated() {
            let y = state.height / 2 - 1 + index
            guard y >= 0, y < state.height else { continue }
            let text = TextLayout.truncate(line, to: state.width)
            grid.put(text, at: max((state.width - DisplayWidth.of(text)) / 2, 0), y: y,
                     role: index == 0 ? .title : index == 2 ? .error : .normal)
        }
        return grid
    }
}
