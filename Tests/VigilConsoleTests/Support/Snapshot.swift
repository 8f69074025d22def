import Foundation
import TerminalKit
import Testing

/// Golden files live next to the tests, in Tests/VigilConsoleTests/Golden, found from this file's path.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden")

/// Whether golden files may be written: only with VIGIL_UPDATE_GOLDEN=1 in the environment.
let updatingGoldens = ProcessInfo.processInfo.environment["VIGIL_UPDATE_GOLDEN"] == "1"

/// Compares a grid's text (`lines()`) with `Golden/<name>.txt`, and with `roles: true` its role map
/// (`roleLines()`) with `Golden/<name>.roles.txt`.
///
/// The files are written only when VIGIL_UPDATE_GOLDEN=1 is set; otherwise a missing or different file fails
/// the test, with the first differing line and the command that rewrites it.
func assertSnapshot(_ grid: Grid, named name: String, roles: Bool = false, folder: URL = goldenFolder,
                    updating: Bool = updatingGoldens, sourceLocation: SourceLocation = #_sourceLocation) {
    compareGolden(grid.lines(), file: name + ".txt", folder: folder, updating: updating, sourceLocation: sourceLocation)
    if roles {
        compareGolden(grid.roleLines(), file: name + ".roles.txt", folder: folder, updating: updating, sourceLocation: sourceLocation)
    }
}

private func compareGolden(_ lines: [String], file: String, folder: URL, updating: Bool, sourceLocation: SourceLocation) {
    let url = folder.appendingPathComponent(file)
    let actual = lines.joined(separator: "\n") + "\n"
    let how = "run `VIGIL_UPDATE_GOLDEN=1 swift test --filter VigilConsoleTests` to write it, then review the diff"
    if updating {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let existing = try? String(contentsOf: url, encoding: .utf8)
            if existing != actual { try actual.write(to: url, atomically: true, encoding: .utf8) }
        } catch {
            Issue.record("could not write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file Golden/\(file) is missing; \(how)", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
    let expectedLine = want.indices.contains(line) ? want[line] : "(no line)"
    let actualLine = got.indices.contains(line) ? got[line] : "(no line)"
    Issue.record("""
        snapshot differs from Golden/\(file) at line \(line + 1):
          expected: \(expectedLine)
          actual:   \(actualLine)
        whole screen:
        \(actual)
        if the change is intended, \(how)
        """, sourceLocation: sourceLocation)
}
