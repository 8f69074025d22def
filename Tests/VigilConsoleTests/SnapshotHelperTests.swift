import Foundation
import TerminalKit
import Testing

/// The golden-file helper itself: it must never pass silently, and writes only when told to.
@Suite("assertSnapshot")
struct SnapshotHelperTests {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vigil-golden-tests-" + UUID().uuidString)

    var grid: Grid {
        var grid = Grid(width: 12, height: 2)
        grid.put("枫叶 ok", at: 0, y: 0, role: .title)
        return grid
    }

    @Test("a missing golden file fails, saying how to create it")
    func missing() {
        withKnownIssue {
            assertSnapshot(grid, named: "absent", folder: folder, updating: false)
        } matching: { issue in
            String(describing: issue).contains("VIGIL_UPDATE_GOLDEN=1") && String(describing: issue).contains("missing")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("absent.txt").path))
    }

    @Test("with the variable set it writes text and roles; then the same grid passes and a changed one fails")
    func writeThenCompare() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        assertSnapshot(grid, named: "screen", roles: true, folder: folder, updating: true)
        let text = try String(contentsOf: folder.appendingPathComponent("screen.txt"), encoding: .utf8)
        #expect(text == "枫叶 ok\n\n")
        let roles = try String(contentsOf: folder.appendingPathComponent("screen.roles.txt"), encoding: .utf8)
        #expect(roles == "TTTTTTT.....\n............\n", "both cells of a wide character carry its role")
        assertSnapshot(grid, named: "screen", roles: true, folder: folder, updating: false)

        var changed = grid
        changed.put("X", at: 0, y: 1)
        withKnownIssue {
            assertSnapshot(changed, named: "screen", folder: folder, updating: false)
        } matching: { issue in
            String(describing: issue).contains("line 2")
        }
        // Only the roles changed: the role map catches it.
        var restyled = grid
        restyled.setRole(.error, in: Rect(x: 0, y: 0, width: 2, height: 1))
        withKnownIssue {
            assertSnapshot(restyled, named: "screen", roles: true, folder: folder, updating: false)
        }
    }
}
