/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses rejected the terminal type (unknown TERM, missing terminfo).
    case cannotInitialise(terminal: String)
    /// A file the terminal needs could not be opened.
    case cannotOpen(path: String)

    public var description: String {
        switch self {
        case .cannotInitialise(let terminal): "cannot initialise the terminal \"\(terminal)\" (check TERM)"
        case .cannotOpen(let path): "cannot open \(path)"
        }
    }
}
