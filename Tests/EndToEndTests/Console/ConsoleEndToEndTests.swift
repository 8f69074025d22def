import Foundation
import Testing

/// The built `vigil` console driven in tmux on a private socket (ARCHITECTURE.md, "Tests, by layer"; issue 3).
/// Each test has its own sandbox folder, demo store and tmux server; the suite runs its tests one at a time so a
/// 2-core CI machine is not asked to paint several consoles at once.
@Suite("Console end to end (tmux)", .serialized, .timeLimit(.minutes(1)))
struct ConsoleEndToEndTests {}

// MARK: Helpers shared by the console tests

extension TmuxPane {
    /// Waits until the screen has the frame `ConsoleScreen.frameProblems` describes, the boxes titled `titles`
    /// (and none titled `absent`), and `extra` holds; on timeout the message names what is still wrong.
    @discardableResult
    func waitForFrame(width: Int, height: Int, boxes: Int, statusBar: String, titles: [String] = [],
                      absent: [String] = [], _ what: String, timeout: Duration = .seconds(10),
                      sourceLocation: SourceLocation = #_sourceLocation,
                      extra: (ConsoleScreen) -> Bool = { _ in true }) async throws -> ConsoleScreen {
        func problems(_ screen: ConsoleScreen) -> [String] {
            screen.frameProblems(width: width, height: height, boxes: boxes, statusBar: statusBar)
                + titles.filter { screen.box($0) == nil }.map { "no box titled \"\($0)\"" }
                + absent.filter { screen.box($0) != nil }.map { "a box titled \"\($0)\"" }
        }
        do {
            return try await waitUntil(what, timeout: timeout, sourceLocation: sourceLocation) { screen in
                problems(screen).isEmpty && extra(screen)
            }
        } catch let failure as ConsoleE2EFailure {
            let found = problems(try await capture(sourceLocation: sourceLocation))
            throw ConsoleE2EFailure("\(failure)\nframe problems now: \(found.isEmpty ? "none" : found.joined(separator: "; "))",
                                    sourceLocation: sourceLocation)
        }
    }
}
