import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `vigil` binary, run as a subprocess in a private temp folder (removed afterwards) with a clean
/// environment: HOME and XDG_DATA_HOME point inside the folder, the store is `--store`d or `$VIGIL_STORE`d there.
final class CLISandbox {
    struct Result: CustomStringConvertible {
        let status: Int32
        let stdout: String
        /// Standard error without the one line every command on a plain store prints (most tests use plain
        /// stores and check the rest exactly); `rawStderr` keeps it.
        let stderr: String
        let rawStderr: String
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(rawStderr)" }

        init(status: Int32, stdout: String, rawStderr: String) {
            self.status = status
            self.stdout = stdout
            self.rawStderr = rawStderr
            stderr = rawStderr.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !($0.hasPrefix("warning: ") && $0.contains(" is not sealed: anyone who can read the file can read the reports")) }
                .joined(separator: "\n")
        }
    }

    let folder: String
    /// The store most commands act on, passed as $VIGIL_STORE.
    let store: String

    init() throws {
        folder = NSTemporaryDirectory() + "vigil-cli-tests-" + UUID().uuidString
        store = folder + "/desk.vigil"
        try FileManager.default.createDirectory(atPath: folder + "/xdg", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The `vigil` binary beside the test executable (`.build/<config>/` on Linux), or `$VIGIL_BINARY`.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        if let path = VigilBinary.path { return path }
        Issue.record("""
            cannot find the built `vigil` next to the test bundle; looked in: \(VigilBinary.candidateFolders.joined(separator: ", ")). \
            Build it with `swift build --product vigil` (swift test builds it too) or set VIGIL_BINARY.
            """, sourceLocation: sourceLocation)
        throw CLITestError.noBinary
    }

    func environment(user: String?, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder,
            "XDG_DATA_HOME": folder + "/xdg",
            "VIGIL_STORE": store,
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
            "TERM": "dumb",
        ]
        if let user { environment["VIGIL_USER"] = user }
        for (key, value) in extra { environment[key] = value }
        return environment.filter { !$0.value.isEmpty }
    }

    /// Starts `vigil` with output going to files in the folder; `wait` collects it.
    func start(_ arguments: [String], user: String? = "admin", extra: [String: String] = [:], binary: String? = nil,
               in directory: String? = nil, stdin: String? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary ?? Self.binary())
        process.arguments = arguments
        process.environment = environment(user: user, extra: extra)
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? folder)
        let name = folder + "/run-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: name + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: name + ".err", contents: nil)
        _ = FileManager.default.createFile(atPath: name + ".in", contents: Data((stdin ?? "").utf8))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: name + ".out"))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: name + ".err"))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: name + ".in"))
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        try output.close()
        try errors.close()
        try input.close()
        return Running(process: process, files: name)
    }

    /// Runs `vigil` to the end (at most `timeout` seconds).
    @discardableResult
    func run(_ arguments: [String], user: String? = "admin", extra: [String: String] = [:], binary: String? = nil,
             in directory: String? = nil, stdin: String? = nil, timeout: Double = 60,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try start(arguments, user: user, extra: extra, binary: binary, in: directory, stdin: stdin)
            .wait(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Runs `vigil` and requires exit 0; returns standard output.
    @discardableResult
    func ok(_ arguments: [String], user: String? = "admin", extra: [String: String] = [:], stdin: String? = nil,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, user: user, extra: extra, stdin: stdin, sourceLocation: sourceLocation)
        guard result.status == 0 else {
            Issue.record("vigil \(arguments.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
            throw CLITestError.failed(result.status)
        }
        return result.stdout
    }

    /// Parses standard output of a successful `vigil ... --json`.
    func json(_ arguments: [String], user: String? = "admin", sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let text = try ok(arguments, user: user, sourceLocation: sourceLocation)
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            Issue.record("vigil \(arguments.joined(separator: " ")) printed no JSON: \(text)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// A store with the admin `admin`, the South Asia officer `ana` and the supervisor `sam`.
    func makeDesk() throws {
        try ok(["init", "--admin", "admin", "--insecure-plain"])
        try ok(["user", "add", "ana", "--role", "officer", "--desks", "south_asia"])
        try ok(["user", "add", "sam", "--role", "supervisor"])
    }

    /// Records a report as `ana`; returns its id.
    func add(_ title: String, country: String = "NP", acts: String = "death_threat",
             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try ok(["add", "--title", title, "--country", country, "--acts", acts], user: "ana", sourceLocation: sourceLocation)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }
}

/// A started `vigil` process.
struct Running {
    let process: Process
    let files: String

    /// Waits for the process to end (polling, at most `timeout` seconds; killed and reported past it).
    func wait(timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation) throws -> CLISandbox.Result {
        if !poll(timeout: timeout, { !process.isRunning }) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("vigil \(process.arguments?.joined(separator: " ") ?? "") did not finish within \(timeout) s",
                         sourceLocation: sourceLocation)
            throw CLITestError.timedOut
        }
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: files + ".out", encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: files + ".err", encoding: .utf8)) ?? ""
        return CLISandbox.Result(status: process.terminationStatus, stdout: output, rawStderr: errors)
    }
}

enum CLITestError: Error {
    case noBinary
    case failed(Int32)
    case timedOut
}

/// Checks `condition` every couple of milliseconds until it holds (true) or `timeout` seconds pass (false).
func poll(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        if Date() > deadline { return false }
        var pause = timespec(tv_sec: 0, tv_nsec: 2_000_000)
        nanosleep(&pause, nil)
    }
    return true
}
