import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore

/// A terminal size a snapshot is taken at.
struct Size: Sendable, CustomTestStringConvertible {
    let width: Int
    let height: Int

    var name: String { "\(width)x\(height)" }
    var testDescription: String { name }

    static let large = Size(width: 120, height: 40)
    static let medium = Size(width: 80, height: 24)
    static let small = Size(width: 40, height: 12)
    static let all = [large, medium, small]
}

/// Every screen the console has, set up the way a user gets there (keys through the keymap where possible).
enum Scene: String, CaseIterable, Sendable {
    case home
    case detail
    case queue
    case stats
    case help
    case filtered
    case filterError = "filter-error"
    case intakeErrors = "intake-errors"
    case assess
    case confirmDiscard = "confirm-discard"

    func state(_ size: Size) -> AppState {
        switch self {
        case .home:
            return Fixture.state(width: size.width, height: size.height)
        case .detail:
            var state = Fixture.state(width: size.width, height: size.height)
            select(&state, id: Fixture.id("Monsoon"))
            Fixture.press(&state, .enter)
            return state
        case .queue:
            // Supervisors land on the queue.
            return Fixture.state(user: "sofia", width: size.width, height: size.height)
        case .stats:
            var state = Fixture.state(width: size.width, height: size.height)
            Fixture.press(&state, .character("3"))
            return state
        case .help:
            var state = Fixture.state(width: size.width, height: size.height)
            Fixture.send(&state, [.named(.help)])
            return state
        case .filtered:
            var state = Fixture.state(width: size.width, height: size.height)
            Fixture.press(&state, .character("f"), .ctrl("u"))
            Fixture.type(&state, "risk:high+")
            Fixture.press(&state, .enter)
            return state
        case .filterError:
            var state = Fixture.state(width: size.width, height: size.height)
            Fixture.press(&state, .character("f"), .ctrl("u"))
            Fixture.type(&state, "risk:hihg")
            return state
        case .intakeErrors:
            var state = Fixture.state(width: size.width, height: size.height)
            Fixture.send(&state, [.named(.new)])
            Fixture.type(&state, "Raid on")
            Fixture.press(&state, .ctrl("s"))
            return state
        case .assess:
            var state = Fixture.state(width: size.width, height: size.height)
            select(&state, id: Fixture.id("Padma"))
            Fixture.press(&state, .character("a"), .character("5"), .tab, .character("2"), .tab, .character("2"))
            return state
        case .confirmDiscard:
            var state = Fixture.state(width: size.width, height: size.height)
            select(&state, id: Fixture.id("Padma"))
            Fixture.press(&state, .character("c"))
            Fixture.type(&state, "Called the defender")
            Fixture.press(&state, .escape)
            return state
        }
    }
}

@Suite("Screens, as text snapshots")
struct ScreenSnapshotTests {
    @Test("every screen at 120x40, 80x24 and 40x12", arguments: Scene.allCases, Size.all)
    func screen(_ scene: Scene, _ size: Size) {
        let grid = ConsoleView.render(scene.state(size))
        #expect(grid.width == size.width && grid.height == size.height)
        assertSnapshot(grid, named: "\(scene.rawValue)-\(size.name)")
    }

    @Test("role maps of the key screens", arguments: [(Scene.home, Size.large), (.assess, .medium), (.queue, .medium)])
    func roles(_ scene: Scene, _ size: Size) {
        assertSnapshot(ConsoleView.render(scene.state(size)), named: "\(scene.rawValue)-\(size.name)", roles: true)
    }

    @Test("below 40x12 a polite 'Terminal too small'", arguments: [Size(width: 39, height: 12), Size(width: 40, height: 11), Size(width: 30, height: 10)])
    func tooSmall(_ size: Size) {
        let grid = ConsoleView.render(Fixture.state(width: size.width, height: size.height))
        #expect(grid.lines().contains { $0.contains("Terminal too small") })
        if size.width == 30 { assertSnapshot(grid, named: "too-small-30x10") }
    }

    @Test("60 columns: one pane at a time, v switches between list and detail")
    func narrow() {
        var state = Fixture.state(width: 60, height: 24)
        assertSnapshot(ConsoleView.render(state), named: "narrow-list-60x24")
        select(&state, id: Fixture.id("صقر"))
        Fixture.press(&state, .character("v"))
        #expect(state.narrowPane == .detail)
        assertSnapshot(ConsoleView.render(state), named: "narrow-detail-60x24")
    }

    @Test("ASCII borders when the locale is not UTF-8")
    func ascii() {
        let grid = ConsoleView.render(Fixture.state(width: 80, height: 24, unicode: false))
        assertSnapshot(grid, named: "ascii-80x24")
        let box = Set("┌┐└┘─│├┤┬┴┼╭╮╰╯━┃…")
        #expect(!grid.lines().joined().contains { box.contains($0) })
    }
}
