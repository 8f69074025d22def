import TerminalKit

/// What the console needs from a terminal; the ncurses backend implements it in the executable,
/// tests can implement it over a plain Grid.
public protocol TerminalBackend: AnyObject {
    func size() -> (width: Int, height: Int)
    /// The next input, `.tick` after the timeout, or nil when the terminal is gone (closed, not a tty, SIGTERM).
    func readEvent(timeoutMilliseconds: Int) -> InputEvent?
    func present(_ grid: Grid)
    func forceFullRepaint()
    func setMouse(enabled: Bool)
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    func suspend()
    /// Leaves the screen, lets the user edit `text` in `$EDITOR`, comes back; nil when nothing was saved.
    func editExternally(_ text: String) -> String?
    /// Clears the screen and the scrollback and leaves the alternate screen, for the panic key; the app then exits.
    func panic()
}
