import Foundation
import TerminalKit
import TerminalNcurses
import VigilConsole

/// The console's terminal: ncurses on the process's tty.
final class NcursesBackend: TerminalBackend {
    let terminal = NcursesTerminal()
    let theme: Theme
    let useColour: Bool
    private var mouse = false

    init(theme: Theme, useColour: Bool) {
        self.theme = theme
        self.useColour = useColour
    }

    func start() throws { try terminal.start(theme: theme, useColour: useColour, mouse: false) }

    func stop() { terminal.stop() }

    var isUTF8: Bool { terminal.isUTF8 }

    func size() -> (width: Int, height: Int) { terminal.size() }

    func readEvent(timeoutMilliseconds: Int) -> InputEvent? { terminal.readEvent(timeoutMilliseconds: timeoutMilliseconds) }

    func present(_ grid: Grid) { terminal.present(grid) }

    func forceFullRepaint() { terminal.forceFullRepaint() }

    func setMouse(enabled: Bool) {
        mouse = enabled
        terminal.setMouse(enabled: enabled)
    }

    func suspend() { terminal.suspend() }

    /// Panic: leave curses (and the alternate screen), then clear the visible screen and the scrollback, so the
    /// terminal shows an ordinary empty prompt; the caller exits at once.
    func panic() {
        terminal.stop()
        let clear = Array("\u{1B}[H\u{1B}[2J\u{1B}[3J".utf8)
        _ = clear.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }

    func editExternally(_ text: String) -> String? {
        terminal.stop()
        defer {
            try? terminal.start(theme: theme, useColour: useColour, mouse: mouse)
            terminal.forceFullRepaint()
        }
        return ExternalEditor.edit(text)
    }
}
