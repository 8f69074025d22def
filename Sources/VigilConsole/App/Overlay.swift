import VigilCore

/// What is drawn over the screen and takes the keys first.
public enum OverlayState: Sendable, Equatable {
    /// The help screen, scrolled to a line.
    case help(scroll: Int)
    /// A read-only page (the roster, the desks, the clocks), scrolled to a line.
    case info(title: String, lines: [String], scroll: Int)
    /// A yes/no question; `yes` is what happens on y.
    case confirm(question: String, yes: ConfirmedAction)
}

/// An action waiting for a yes.
public enum ConfirmedAction: Sendable, Equatable {
    case quit
    case discardForm
    /// A bulk action, one event per report.
    case performAll([Command], message: String)
}
