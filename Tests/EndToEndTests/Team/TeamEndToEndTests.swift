import Foundation
import Testing

/// Issue 4, "working as a team", end to end: several consoles (and CLI runs) on one demo store as different users,
/// driven in tmux through the console harness (`Console/Support`). Each test has its own sandbox folder, demo store
/// and private tmux server. The tests run one at a time: one of them measures how fast a change reaches another
/// console, and a 2-core CI machine painting several consoles at once would only measure the machine.
@Suite("Team end to end (tmux, several users on one store)", .serialized, .timeLimit(.minutes(1)))
struct TeamEndToEndTests {
    /// Every console here is 120 x 40: facets beside the list (every column), the detail below; row 38 is the
    /// hint line (or the last message), row 39 the status bar.
    static let width = 120
    static let height = 40
    static let messageRow = height - 2
    static let statusRow = height - 1

    /// The actions that change the store (`ActionName.writes` in VigilConsole), as the hint line names them.
    static let writeActions: Set<String> = [
        "take", "assign", "assess", "escalate", "approve", "return", "respond", "monitor", "retriage", "comment",
        "new", "edit", "close", "reopen", "duplicates", "label", "link-duplicate",
    ]
}

// MARK: Helpers of the team tests

extension TmuxServer {
    /// Opens `vigil console --store S` as `user` (120 x 40) and waits for its first complete screen: the frame
    /// drawn, `user (role)` in the status bar, and the list box (triage list or escalation queue) holding rows.
    func teamConsole(_ sandbox: ConsoleSandbox, as user: String, role: String, boxes: Int = 3,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> (TmuxPane, ConsoleScreen) {
        let pane = try await open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: user),
                                  width: TeamEndToEndTests.width, height: TeamEndToEndTests.height,
                                  sourceLocation: sourceLocation)
        let screen = try await pane.waitForFrame(
            width: TeamEndToEndTests.width, height: TeamEndToEndTests.height, boxes: boxes,
            statusBar: "\(user) (\(role))", "\(user)'s first screen", sourceLocation: sourceLocation
        ) { !$0.listedIDs.isEmpty }
        return (pane, screen)
    }
}

extension TmuxPane {
    /// Selects report `id` with `/ID Enter` and waits until the detail shows it.
    @discardableResult
    func teamSelect(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ConsoleScreen {
        try await keys("/", sourceLocation: sourceLocation)
        try await type(id, sourceLocation: sourceLocation)
        try await keys("Enter", sourceLocation: sourceLocation)
        return try await waitUntil("\(id) selected", sourceLocation: sourceLocation) {
            $0.detailID == id && $0.row(of: id) != nil
        }
    }
}

extension ConsoleScreen {
    /// The count the top line shows beside a queue's name: "2 Escalated (10)" -> 10 for "Escalated".
    func queueCount(_ title: String) -> Int? {
        let top = line(0)
        guard let start = top.range(of: " \(title) (") else { return nil }
        return Int(top[start.upperBound...].prefix { $0.isNumber })
    }

    /// "Reports: 76 matching" -> 76 (the triage list's title).
    var matchingCount: Int? {
        guard let title = box("Reports:")?.title, let start = title.range(of: "Reports: ") else { return nil }
        return Int(title[start.upperBound...].prefix { $0.isNumber })
    }

    /// The hint line (row 38), as "key action" words.
    var hintWords: [String] {
        line(TeamEndToEndTests.messageRow).split(separator: " ").map(String.init)
    }

    /// The rows of the Facets box's "Desks" section, as (label, count).
    var deskFacets: [(label: String, count: Int)] {
        guard let rows = box("Facets")?.rows,
              let start = rows.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Desks" }) else { return [] }
        var facets: [(String, Int)] = []
        for row in rows[(start + 1)...] {
            guard row.hasPrefix("  ") || row.hasPrefix("* ") else { break }
            let words = row.split(separator: " ")
            guard let last = words.last, let count = Int(last) else { break }
            facets.append((words.dropLast().joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "* ")), count))
        }
        return facets
    }
}

extension ConsoleSandbox {
    /// The roster (`vigil user list --json`): name -> (role, desks).
    func roster(sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: (role: String, desks: [String])] {
        let text = try await ok(["user", "list", "--store", store, "--json"], as: "admin", sourceLocation: sourceLocation)
        guard let users = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw ConsoleE2EFailure("vigil user list --json printed no JSON array: \(text)", sourceLocation: sourceLocation)
        }
        var roster: [String: (role: String, desks: [String])] = [:]
        for user in users {
            guard let name = user["name"] as? String else { continue }
            roster[name] = (user["role"] as? String ?? "", user["desks"] as? [String] ?? [])
        }
        return roster
    }

    /// The number of events in the store's hash chain (`vigil verify --json`), and its head hash.
    func eventCount(sourceLocation: SourceLocation = #_sourceLocation) async throws -> (events: Int, head: String) {
        let text = try await ok(["verify", "--store", store, "--json"], as: "admin", sourceLocation: sourceLocation)
        guard let report = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              report["ok"] as? Bool == true, let events = (report["events"] as? NSNumber)?.intValue else {
            throw ConsoleE2EFailure("vigil verify --json did not verify: \(text)", sourceLocation: sourceLocation)
        }
        return (events, report["head_hash"] as? String ?? "")
    }

    /// The events of `kind` in report `id`'s history (`vigil show --json`).
    func events(_ kind: String, of id: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let report = try await show(id, as: "admin", sourceLocation: sourceLocation)
        let history = report["history"] as? [[String: Any]] ?? []
        return history.filter { $0["kind"] as? String == kind }
    }
}
