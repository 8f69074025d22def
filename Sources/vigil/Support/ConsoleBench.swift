import Foundation
import TerminalKit
import TerminalNcurses
import VigilConsole
import VigilCore
import VigilStore

/// Console figures for `vigil bench`: keystroke to updated screen (reduce + render + present), first paint,
/// and the bytes one row of movement writes to a terminal (ncurses on a measured file, 120x40).
enum ConsoleBench {
    struct Figures {
        var firstPaint: Double
        var move: Double
        var filter: Double
        var sort: Double
        var open: Double
        var moveBytes: Int?
        var moveCells: Int
    }

    static func measure(path: String, now: Date) throws -> Figures {
        let started = Clock.now
        let store = try SQLiteStore.open(at: path)
        let terminal = try NcursesTerminal.startForTesting(width: 120, height: 40)
        defer { terminal.stop() }
        let backend = MeasuredBackend(terminal: terminal)
        let app = ConsoleApp(store: store, session: Session(user: "rahul", storePath: path), backend: backend,
                             keymap: .standard, clock: { now })
        app.dispatch(.tick(now))
        terminal.present(ConsoleView.render(app.state))
        let firstPaint = Clock.seconds(since: started)

        func timed(_ actions: [Action]) -> Double {
            let start = Clock.now
            for action in actions { app.dispatch(action) }
            terminal.present(ConsoleView.render(app.state))
            return Clock.seconds(since: start)
        }
        let typeFilter: [Action] = [.key(.character("f")), .key(.ctrl("u"))]
            + "desk:south_asia risk:high+ status:!closed".map { .key(.character($0)) }
        let move = median((0..<21).map { _ in timed([.key(.character("j"))]) })
        let moveCells = terminal.lastPresentCellCount
        let moveBytes = terminal.lastPresentByteCount
        // Typing re-parses the filter per key (cheap); Enter applies it over every report: time that.
        let filter = median((0..<5).map { round in
            for action in typeFilter { app.dispatch(action) }
            if round % 2 == 1 { app.dispatch(.key(.character("!"))) }
            return timed([.key(.enter)])
        })
        let sort = median((0..<5).map { _ in timed([.key(.character("s"))]) })
        let open = median((0..<5).map { _ in timed([.key(.character("j")), .key(.enter), .key(.escape)]) })
        return Figures(firstPaint: firstPaint, move: move, filter: filter, sort: sort, open: open, moveBytes: moveBytes, moveCells: moveCells)
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// A backend that only presents; the bench drives actions directly.
    private final class MeasuredBackend: TerminalBackend {
        let terminal: NcursesTerminal
        init(terminal: NcursesTerminal) { self.terminal = terminal }
        func size() -> (width: Int, height: Int) { (120, 40) }
        func readEvent(timeoutMilliseconds: Int) -> InputEvent? { nil }
        func present(_ grid: Grid) { terminal.present(grid) }
        func forceFullRepaint() {}
        func setMouse(enabled: Bool) {}
        func suspend() {}
        func editExternally(_ text: String) -> String? { nil }
        func panic() {}
    }
}
