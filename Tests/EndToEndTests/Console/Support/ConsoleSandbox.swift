import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private temp folder for one console test: HOME, XDG_DATA_HOME and XDG_CONFIG_HOME point inside it, the demo
/// store lives in it, and `vigil` subprocesses run with an explicit environment. `remove()` deletes it all.
final class ConsoleSandbox {
    let folder: String
    let vigil: String
    var store: String { folder + "/demo.vigil" }

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        vigil = try ConsoleSandbox.binary(sourceLocation: sourceLocation)
        folder = NSTemporaryDirectory() + "vigil-e2e-console-" + UUID().uuidString.prefix(8).lowercased()
        for sub in ["data", "config", "home"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// Deletes the folder; retried a few times in case a program that is ending still writes in it (SQLite's
    /// -wal and -shm files).
    func remove() {
        for _ in 0..<20 {
            try? FileManager.default.removeItem(atPath: folder)
            if !FileManager.default.fileExists(atPath: folder) { return }
            usleep(20_000)
        }
    }

    // MARK: The binary

    /// The built `vigil` beside the test executable (`.build/<config>/` on Linux), or `$VIGIL_BINARY`.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        if let found = VigilBinary.path { return found }
        throw ConsoleE2EFailure("""
            cannot find the built `vigil` next to the test bundle; looked in: \(VigilBinary.candidateFolders.joined(separator: ", ")). \
            Build it with `swift build --build-tests` (it is built with the tests) or set VIGIL_BINARY.
            """, sourceLocation: sourceLocation)
    }

    // MARK: Environment

    /// The whole environment a `vigil` run sees: nothing is inherited but PATH.
    func environment(user: String, noColor: Bool = false, term: String? = nil) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder + "/home",
            "LANG": "C.UTF-8",
            "VIGIL_USER": user,
            "XDG_DATA_HOME": folder + "/data",
            "XDG_CONFIG_HOME": folder + "/config",
        ]
        if let term { environment["TERM"] = term }
        if noColor { environment["NO_COLOR"] = "1" }
        return environment
    }

    // MARK: The CLI, to prepare and to verify

    /// Runs `vigil ARGS` as `user` with stdin `stdin` (default /dev/null).
    func run(_ arguments: [String], as user: String, stdin: String? = nil,
             timeout: Duration = .seconds(20)) async throws -> ConsoleSubprocess.Outcome {
        try await ConsoleSubprocess.run(vigil, arguments, environment: environment(user: user), scratch: folder,
                                        stdin: stdin, timeout: timeout)
    }

    /// Runs `vigil ARGS` and requires exit 0; returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], as user: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let outcome = try await run(arguments, as: user)
        guard outcome.status == 0, !outcome.timedOut else {
            throw ConsoleE2EFailure("vigil failed: \(outcome)", sourceLocation: sourceLocation)
        }
        return outcome.stdout
    }

    /// Creates the demo store (`vigil demo --no-console`).
    func makeDemoStore(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await ok(["demo", "--no-console", "--store", store], as: "admin", sourceLocation: sourceLocation)
    }

    /// The reports `vigil list --json FILTER` prints for `user`, in its order.
    func list(_ filter: [String], as user: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let text = try await ok(["list", "--store", store, "--json"] + filter, as: user, sourceLocation: sourceLocation)
        guard let reports = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw ConsoleE2EFailure("vigil list --json printed no JSON array: \(text)", sourceLocation: sourceLocation)
        }
        return reports
    }

    /// The ids `vigil list --json FILTER` prints for `user`.
    func ids(_ filter: [String], as user: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await list(filter, as: user, sourceLocation: sourceLocation).compactMap { $0["id"] as? String }
    }

    /// `vigil show ID --json`, parsed.
    func show(_ id: String, as user: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let text = try await ok(["show", id, "--store", store, "--json"], as: user, sourceLocation: sourceLocation)
        guard let report = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ConsoleE2EFailure("vigil show --json printed no JSON object: \(text)", sourceLocation: sourceLocation)
        }
        return report
    }

    // MARK: Commands for a tmux pane

    /// `env -i VARS vigil ARGS`: the console with exactly this environment (TERM=xterm-256color).
    func consoleCommand(_ arguments: [String], user: String, noColor: Bool = false) -> [String] {
        let variables = environment(user: user, noColor: noColor, term: "xterm-256color")
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ["/usr/bin/env", "-i"] + variables + [vigil] + arguments
    }

    /// `env -i VARS sh -c SCRIPT vigil ARGS...`: a shell script around the console; in it `$0` is the vigil binary,
    /// `$1` the store and `$2` the sandbox folder.
    func shellCommand(_ script: String, user: String) -> [String] {
        let variables = environment(user: user, term: "xterm-256color")
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ["/usr/bin/env", "-i"] + variables + ["/bin/sh", "-c", script, vigil, store, folder]
    }
}

/// Runs `body` with a fresh sandbox and a private tmux server; afterwards kills the server and removes the folder,
/// whatever happened.
func withConsoleSandbox(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (ConsoleSandbox, TmuxServer) async throws -> Void
) async throws {
    let sandbox = try ConsoleSandbox(sourceLocation: sourceLocation)
    defer { sandbox.remove() }
    let tmux = try TmuxServer(sandbox: sandbox, sourceLocation: sourceLocation)
    defer { tmux.kill() }
    try await body(sandbox, tmux)
}
