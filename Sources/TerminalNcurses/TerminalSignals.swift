import CNcurses
import Glibc
import Synchronization

/// True while curses owns the terminal, so crash and exit handlers know whether to call `endwin`.
let cursesActive = Atomic<Bool>(false)

/// Set by SIGTERM/SIGHUP/SIGINT; `readEvent` polls it and reports "stop".
let terminationFlag = Atomic<Bool>(false)

/// Guards the one-time `atexit` registration.
private let exitHandlerRegistered = Atomic<Bool>(false)

/// True while our handlers are installed, so a second install cannot save our own handlers as "previous".
private let handlersInstalled = Atomic<Bool>(false)

/// Signal actions in place before ours, indexed by signal number, for chaining and restoring.
///
/// Written only by `TerminalSignals.install` (before curses starts) and read by handlers afterwards; a signal
/// handler can capture nothing, so this has to be global storage.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

/// Installs and removes the process-wide signal handling that keeps the terminal usable.
enum TerminalSignals {
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGBUS, SIGABRT, SIGFPE, SIGTRAP]
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    /// Installs the handlers; call before `newterm` so ncurses leaves SIGINT/SIGTERM to us.
    static func install() {
        guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = restoreTerminalAndChain
            action.sa_flags = Int32(bitPattern: UInt32(SA_SIGINFO) | UInt32(SA_NODEFER) | UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previousActions + Int(signal))
        }
        for signal in terminationSignals {
            // No SA_RESTART: the signal interrupts get_wch, and readEvent then sees the flag.
            var action = sigaction()
            action.__sigaction_handler.sa_handler = requestTermination
            action.sa_flags = 0
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previousActions + Int(signal))
        }
        if !exitHandlerRegistered.exchange(true, ordering: .sequentiallyConsistent) {
            atexit {
                if cursesActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
            }
        }
    }

    /// Puts back the actions that were in place before `install`.
    static func uninstall() {
        guard handlersInstalled.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for signal in crashSignals + terminationSignals {
            sigaction(signal, previousActions + Int(signal), nil)
        }
    }
}

/// Crash handler: give the terminal back, then let the previous handler (Swift's backtracer, or the default
/// action) see the signal.
///
/// A fault raised by the CPU (SEGV, BUS, ILL, FPE with a kernel `si_code`) is not re-raised: returning re-runs
/// the faulting instruction, so the previous handler sees the genuine fault address and registers.
private func restoreTerminalAndChain(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if cursesActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
    var previous = previousActions[Int(signal)]
    // SIG_IGN is the handler value 1; an ignored fault would just repeat, so fall back to the default action.
    if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1 {
        previous.__sigaction_handler.sa_handler = nil
    }
    sigaction(signal, &previous, nil)
    let isFault: Bool
    switch signal {
    case SIGSEGV, SIGBUS, SIGILL, SIGFPE: isFault = true
    default: isFault = false
    }
    if !isFault || (info?.pointee.si_code ?? 0) <= 0 { raise(signal) }
}

/// Termination handler: only sets a flag (async-signal-safe); the read loop stops.
private func requestTermination(_ signal: Int32) {
    terminationFlag.store(true, ordering: .sequentiallyConsistent)
}
