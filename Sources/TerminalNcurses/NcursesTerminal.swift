import CNcurses
import Glibc
import Synchronization
import TerminalKit

/// The terminal, driven by ncursesw: start and stop it, read input events, present grids.
///
/// ncurses is process-global and not thread-safe: make one terminal and use it from one thread. Never print
/// to stdout or stderr between `start` and `stop`.
public final class NcursesTerminal {
    /// True when the environment's locale is UTF-8 (after `start`); use ASCII borders when false.
    public private(set) var isUTF8 = false
    /// True between `start` and `stop`.
    public private(set) var isRunning = false
    /// True when roles are drawn with colour (requested, and the terminal has colours).
    public private(set) var usesColour = false
    /// Cells handed to ncurses by the last `present` (what the diff saved is everything else).
    public private(set) var lastPresentCellCount = 0
    /// Bytes ncurses wrote to the terminal during the last `present`; only known for `startForTesting`
    /// terminals, whose output goes to a file that can be measured.
    public private(set) var lastPresentByteCount: Int?

    private var screen: OpaquePointer?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var isTesting = false
    private var styles = NcursesStyles()
    private var presented: Grid?
    private var needsFullRepaint = true
    private var earlyErrors = 0

    public init() {}

    deinit {
        stop()
    }

    /// True when stdin and stdout are both terminals, i.e. `start` can give an interactive console.
    public static var hasTerminal: Bool {
        isatty(0) == 1 && isatty(1) == 1
    }

    /// True once SIGTERM, SIGHUP or SIGINT arrived; `readEvent` then returns nil.
    public static var terminationRequested: Bool {
        terminationFlag.load(ordering: .sequentiallyConsistent)
    }

    /// Takes over the terminal on stdin/stdout.
    ///
    /// Sets the locale (C.UTF-8 fallback), installs crash and termination handlers before ncurses starts, then
    /// raw mode (Ctrl-C and Ctrl-Z arrive as keys), no echo, keypad, a 25 ms escape delay unless ESCDELAY is
    /// set, a hidden cursor, and colours from `theme` when `useColour` and the terminal allow.
    public func start(theme: Theme, useColour: Bool = true, mouse: Bool = false) throws {
        guard !isRunning else { return }
        isUTF8 = TerminalLocale.configure()
        TerminalSignals.install()
        guard let output = fdopen(dup(1), "w") else { throw TerminalError.cannotOpen(path: "/dev/stdout") }
        guard let input = fdopen(dup(0), "r") else {
            fclose(output)
            throw TerminalError.cannotOpen(path: "/dev/stdin")
        }
        guard let screen = newterm(nil, output, input) else {
            fclose(output)
            fclose(input)
            TerminalSignals.uninstall()
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.cannotInitialise(terminal: name)
        }
        adopt(screen: screen, output: output, input: input, testing: false)
        // A quick Esc; the user's ESCDELAY wins (ncurses reads it itself).
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        configureModes()
        applyTheme(theme, useColour: useColour)
        setMouse(enabled: mouse)
    }

    /// A terminal for tests: xterm-256color writing to an unlinked temporary file (so bytes can be counted)
    /// and reading from /dev/null, sized `width` x `height`. Needs no tty; ncurses is process-global, so tests
    /// using it must be serialized.
    public static func startForTesting(width: Int, height: Int, theme: Theme = .colour, useColour: Bool = true) throws
        -> NcursesTerminal
    {
        let terminal = NcursesTerminal()
        terminal.isUTF8 = TerminalLocale.configure()
        guard let output = tmpfile() else { throw TerminalError.cannotOpen(path: "tmpfile") }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw TerminalError.cannotOpen(path: "/dev/null")
        }
        guard let screen = newterm("xterm-256color", output, input) else {
            fclose(output)
            fclose(input)
            throw TerminalError.cannotInitialise(terminal: "xterm-256color")
        }
        terminal.adopt(screen: screen, output: output, input: input, testing: true)
        terminal.configureModes()
        resizeterm(Int32(max(1, height)), Int32(max(1, width)))
        terminal.applyTheme(theme, useColour: useColour)
        return terminal
    }

    /// Gives the terminal back (endwin) and releases ncurses; safe to call more than once.
    public func stop() {
        guard isRunning, let screen else { return }
        set_term(screen)
        cursesActive.store(false, ordering: .sequentiallyConsistent)
        endwin()
        delscreen(screen)
        self.screen = nil
        if let outputFile { fclose(outputFile) }
        if let inputFile { fclose(inputFile) }
        outputFile = nil
        inputFile = nil
        if !isTesting { TerminalSignals.uninstall() }
        isRunning = false
        presented = nil
    }

    /// Switches themes (or colour on and off) while running; the next `present` repaints everything.
    public func applyTheme(_ theme: Theme, useColour: Bool) {
        guard isRunning else { return }
        var defaultColours = false
        let colour = useColour && theme.usesColour && has_colors()
        if colour {
            start_color()
            defaultColours = use_default_colors() == OK
        }
        usesColour = colour
        styles = NcursesStyles(theme: theme, colour: colour, defaultColours: defaultColours)
        needsFullRepaint = true
    }

    /// The terminal's size in cells ((0, 0) when not running).
    public func size() -> (width: Int, height: Int) {
        guard isRunning, let window = vigil_stdscr() else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Turns mouse reporting on or off (off by default, so the terminal's own text selection works).
    public func setMouse(enabled: Bool) {
        guard isRunning else { return }
        let mask = enabled
            ? vigil_BUTTON1_PRESSED | vigil_BUTTON1_RELEASED | vigil_BUTTON4_PRESSED | vigil_BUTTON5_PRESSED
            : 0
        mousemask(mask, nil)
        // Report presses and releases at once instead of waiting to synthesise clicks.
        mouseinterval(0)
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for input.
    ///
    /// Returns `.tick` on timeout, and nil when the terminal should stop: stdin is not (or no longer) a tty,
    /// the terminal hung up, or SIGTERM/SIGHUP/SIGINT arrived.
    public func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard isRunning, let window = vigil_stdscr() else { return nil }
        guard !NcursesTerminal.terminationRequested, isTesting || isatty(0) == 1 else { return nil }
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        let started = NcursesTerminal.milliseconds()
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if NcursesTerminal.terminationRequested { return nil }
        switch result {
        case OK:
            earlyErrors = 0
            return NcursesKeyDecoder.character(code).map { .key($0) } ?? .tick
        case KEY_CODE_YES:
            earlyErrors = 0
            return functionKeyEvent(Int32(bitPattern: code))
        default:
            return inputErrorEvent(timeoutMilliseconds: timeoutMilliseconds, started: started)
        }
    }

    /// Shows `grid`, writing only the cells that changed since the last `present` (everything after a resize,
    /// a theme change or `forceFullRepaint`). The bottom-right cell is never written: that would scroll.
    public func present(_ grid: Grid) {
        guard isRunning, let window = vigil_stdscr() else { return }
        let bytesBefore = outputSize()
        let full = needsFullRepaint || presented.map { $0.width != grid.width || $0.height != grid.height } ?? true
        let changes: [GridChange]
        if full {
            werase(window)
            clearok(window, true)
            changes = grid.diff(from: Grid(width: 0, height: 0))
        } else if let presented {
            changes = grid.diff(from: presented)
        } else {
            changes = []
        }
        let (width, height) = size()
        var count = 0
        for change in changes where change.y < height {
            for (offset, cell) in change.cells.enumerated() where !cell.isContinuation {
                let x = change.x + offset
                guard x < width else { break }
                count += write(cell, x: x, y: change.y, screenWidth: width, screenHeight: height, window: window)
            }
        }
        wrefresh(window)
        presented = grid
        needsFullRepaint = false
        lastPresentCellCount = count
        lastPresentByteCount = bytesBefore.flatMap { before in outputSize().map { $0 - before } }
    }

    /// Clears the screen and repaints the last grid in full now (Ctrl-L, or after anything scribbled on it).
    public func forceFullRepaint() {
        needsFullRepaint = true
        if let presented { present(presented) }
    }

    /// Stops the process the way Ctrl-Z would in a cooked terminal, and repaints when it is continued.
    ///
    /// Raw mode delivers Ctrl-Z as a key; the app calls this when it sees one.
    public func suspend() {
        guard isRunning, !isTesting else { return }
        cursesActive.store(false, ordering: .sequentiallyConsistent)
        endwin()
        var defaultAction = sigaction()
        var previous = sigaction()
        sigemptyset(&defaultAction.sa_mask)
        sigaction(SIGTSTP, &defaultAction, &previous)
        raise(SIGTSTP)
        // Execution resumes here after SIGCONT.
        sigaction(SIGTSTP, &previous, nil)
        cursesActive.store(true, ordering: .sequentiallyConsistent)
        forceFullRepaint()
    }

    /// The text ncurses holds at (`x`, `y`): the base character and its combining marks ("" outside).
    public func cellText(x: Int, y: Int) -> String {
        guard isRunning, let window = vigil_stdscr() else { return "" }
        let (width, height) = size()
        guard x >= 0, x < width, y >= 0, y < height else { return "" }
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) == OK else { return "" }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attributes, &pair, nil) != ERR else { return "" }
        var text = String.UnicodeScalarView()
        for value in characters {
            guard value != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { break }
            text.append(scalar)
        }
        return String(text)
    }

    // MARK: - Private

    private func adopt(screen: OpaquePointer, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, testing: Bool) {
        set_term(screen)
        self.screen = screen
        outputFile = output
        inputFile = input
        isTesting = testing
        isRunning = true
        needsFullRepaint = true
        presented = nil
        earlyErrors = 0
        cursesActive.store(true, ordering: .sequentiallyConsistent)
    }

    private func configureModes() {
        guard let window = vigil_stdscr() else { return }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        for (sequence, code) in NcursesTerminal.fallbackKeys where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// Sequences that terminals and multiplexers send whatever the terminfo entry says (tmux sends ESC [ 1 ~
    /// for Home even under TERM=xterm-256color), so the keys work either way.
    private static let fallbackKeys: [(String, Int32)] = [
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[2~", KEY_IC), ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
        ("\u{1B}[Z", KEY_BTAB),
    ]

    private func functionKeyEvent(_ code: Int32) -> InputEvent {
        switch code {
        case KEY_RESIZE:
            needsFullRepaint = true
            let (width, height) = size()
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .tick }
            let state = event.bstate
            let kind: MouseEvent.Kind
            if state & vigil_BUTTON4_PRESSED != 0 {
                kind = .wheelUp
            } else if state & vigil_BUTTON5_PRESSED != 0 {
                kind = .wheelDown
            } else if state & vigil_BUTTON1_RELEASED != 0 {
                kind = .release
            } else if state & (vigil_BUTTON1_PRESSED | vigil_BUTTON1_CLICKED) != 0 {
                kind = .press
            } else {
                return .tick
            }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        default:
            return NcursesKeyDecoder.functionKey(code).map { .key($0) } ?? .tick
        }
    }

    /// ERR from get_wch: a timeout, a signal, or input that is gone (which returns ERR at once, forever).
    private func inputErrorEvent(timeoutMilliseconds: Int, started: Int) -> InputEvent? {
        if isTesting { return .tick }
        if isatty(0) != 1 { return nil }
        let elapsed = NcursesTerminal.milliseconds() - started
        guard timeoutMilliseconds < 0 || elapsed < timeoutMilliseconds / 2 else {
            earlyErrors = 0
            return .tick
        }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return nil }
        // Signals can cut a wait short now and then; a run of instant errors means the input is dead.
        earlyErrors += 1
        return earlyErrors > 100 ? nil : .tick
    }

    /// Writes one cell; returns 1 when something was handed to ncurses.
    private func write(_ cell: Cell, x: Int, y: Int, screenWidth: Int, screenHeight: Int, window: UnsafeMutablePointer<WINDOW>) -> Int {
        let isLastRow = y == screenHeight - 1
        if isLastRow, x == screenWidth - 1 { return 0 }
        var character = cell.character
        var width = DisplayWidth.of(character)
        let reachesCorner = isLastRow && x + width >= screenWidth
        if width == 0 || x + width > screenWidth || (width > 1 && reachesCorner) {
            // A wide character cut by the edge, or one that would fill the bottom-right cell, shows as a space.
            character = " "
            width = 1
        }
        let style = styles[cell.role]
        let glyph = NcursesGlyph(character, width: width)
        for (offset, column) in glyph.columns.enumerated() {
            var chars = column + [0]
            var cchar = cchar_t()
            setcchar(&cchar, &chars, style.attributes, style.pair, nil)
            mvwadd_wch(window, Int32(y), Int32(x + offset), &cchar)
        }
        return 1
    }

    /// The output file's size, for testing terminals (nil for a real terminal).
    private func outputSize() -> Int? {
        guard isTesting, let outputFile else { return nil }
        fflush(outputFile)
        var info = stat()
        guard fstat(fileno(outputFile), &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
