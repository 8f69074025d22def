import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private tmux server (`tmux -L vigil-e2e-<pid>-<n>`, its own config, no status line) for one test.
/// Panes run commands with an explicit environment; `kill()` ends the server and everything in it.
final class TmuxServer {
    let tmux: String
    let socket: String
    private let config: String
    private let sandbox: ConsoleSandbox
    private var sessions = 0

    private static let counter = ConsoleCounter()

    init(sandbox: ConsoleSandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let tmux = ConsoleSubprocess.locate("tmux") else {
            throw ConsoleE2EFailure(
                "tmux is not installed (not found on PATH): the console end-to-end tests drive `vigil` in tmux. "
                    + "Install it (apt-get install tmux, brew install tmux); CI installs it.",
                sourceLocation: sourceLocation)
        }
        self.tmux = tmux
        self.sandbox = sandbox
        socket = "vigil-e2e-\(getpid())-\(TmuxServer.counter.next())"
        config = sandbox.folder + "/tmux.conf"
        // No status line (the pane is the whole window); a pane whose program ended stays (`pane_dead` tells), and
        // the server outlives its last session (so `kill()` can still list the panes).
        try """
            set -g status off
            set -g remain-on-exit on
            set -g history-limit 2000
            set -g exit-empty off
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Runs `tmux -L SOCKET -f CONFIG ARGS`; throws unless it exits 0. Returns its standard output.
    @discardableResult
    func command(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let outcome = try await ConsoleSubprocess.run(tmux, ["-L", socket, "-f", config] + arguments,
                                                      environment: Self.environment, scratch: sandbox.folder,
                                                      timeout: .seconds(10))
        guard outcome.status == 0, !outcome.timedOut else {
            throw ConsoleE2EFailure("tmux failed: \(outcome)", sourceLocation: sourceLocation)
        }
        return outcome.stdout
    }

    /// Starts a detached session of `width` x `height` running `command` (argv, executed directly).
    func open(_ command: [String], width: Int, height: Int,
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> TmuxPane {
        sessions += 1
        let name = "s\(sessions)"
        try await self.command(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "--"] + command,
                               sourceLocation: sourceLocation)
        return TmuxPane(server: self, target: name + ":")
    }

    /// Ends the server and every process in it, synchronously (usable in `defer`): the panes' programs are given a
    /// moment to exit on their SIGHUP (then killed, they are ours), and the socket file is removed.
    func kill() {
        let arguments = ["-L", socket, "-f", config]
        let panes = ConsoleSubprocess.outputBlocking(tmux, arguments + ["list-panes", "-a", "-F", "#{pane_pid}"],
                                                     environment: Self.environment, scratch: sandbox.folder)
            .split(separator: "\n").compactMap { pid_t($0) }
        let socketPath = ConsoleSubprocess.outputBlocking(tmux, arguments + ["display-message", "-p", "#{socket_path}"],
                                                          environment: Self.environment, scratch: sandbox.folder)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        ConsoleSubprocess.runBlocking(tmux, arguments + ["kill-server"], environment: Self.environment)
        let deadline = ContinuousClock.now + .seconds(3)
        while panes.contains(where: ConsoleSubprocess.isRunning), ContinuousClock.now < deadline { usleep(10_000) }
        for pid in panes where ConsoleSubprocess.isRunning(pid) { ConsoleSubprocess.signal(pid, SIGKILL) }
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
    }

    /// tmux's own environment: the test's, without any enclosing tmux, in a UTF-8 locale.
    private static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        return environment
    }()
}

/// One pane of a `TmuxServer`: keys in, screen text out, polling for what should appear.
struct TmuxPane {
    let server: TmuxServer
    let target: String

    /// Sends tmux key names (`Enter`, `Escape`, `Tab`, `BTab`, `C-s`, `C-u`, `j`...), one key per argument.
    func keys(_ keys: String..., sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await server.command(["send-keys", "-t", target] + keys, sourceLocation: sourceLocation)
    }

    /// Types `text` literally (`send-keys -l`).
    func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await server.command(["send-keys", "-t", target, "-l", "--", text], sourceLocation: sourceLocation)
    }

    /// The pane's text now (`capture-pane -p`); with `escapes`, its SGR escape codes too (`-e`).
    func capture(escapes: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ConsoleScreen {
        let text = try await server.command(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", target],
                                            sourceLocation: sourceLocation)
        return ConsoleScreen(text)
    }

    /// Resizes the window (and so the pane, which is alone in it).
    func resize(width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await server.command(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"],
                                 sourceLocation: sourceLocation)
    }

    /// A tmux format evaluated for the pane (`display-message -p`), e.g. `#{alternate_on}`.
    func format(_ format: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await server.command(["display-message", "-p", "-t", target, format], sourceLocation: sourceLocation)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the pane's program has ended.
    func isDead(sourceLocation: SourceLocation = #_sourceLocation) async throws -> Bool {
        try await format("#{pane_dead}", sourceLocation: sourceLocation) == "1"
    }

    /// The process id of the pane's program.
    func pid(sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int32 {
        let text = try await format("#{pane_pid}", sourceLocation: sourceLocation)
        guard let pid = Int32(text) else { throw ConsoleE2EFailure("no pane pid: \(text)", sourceLocation: sourceLocation) }
        return pid
    }

    /// Polls the screen every 50 ms until `text` shows, or fails after `timeout` with the last screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10),
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> ConsoleScreen {
        try await waitUntil("\"\(text)\" on screen", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `condition` holds, or fails after `timeout` (or as soon as the program
    /// has ended without it holding) with `what` and the last screen in the message.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(10), escapes: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (ConsoleScreen) -> Bool) async throws -> ConsoleScreen {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let screen = try await capture(escapes: escapes, sourceLocation: sourceLocation)
            if condition(screen) {
                // tmux can be read while a frame is still being written (the title updated, the rows below not
                // yet): a screen counts only once a second look, a moment later, is the same.
                try await Task.sleep(for: .milliseconds(30))
                let again = try await capture(escapes: escapes, sourceLocation: sourceLocation)
                if again.text == screen.text { return screen }
                continue
            }
            if clock.now >= deadline {
                throw ConsoleE2EFailure("timed out after \(timeout) waiting for \(what); last screen:\n\(screen)",
                                        sourceLocation: sourceLocation)
            }
            if try await isDead(sourceLocation: sourceLocation) {
                // The program ended; what it left is final.
                let last = try await capture(escapes: escapes, sourceLocation: sourceLocation)
                if condition(last) { return last }
                throw ConsoleE2EFailure("the pane's program ended while waiting for \(what); last screen:\n\(last)",
                                        sourceLocation: sourceLocation)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Polls every 50 ms until the pane's program has ended, or fails after `timeout` with the last screen.
    func waitForExit(timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while try await !isDead(sourceLocation: sourceLocation) {
            if clock.now >= deadline {
                let screen = try await capture(sourceLocation: sourceLocation)
                throw ConsoleE2EFailure("the program in the pane did not end within \(timeout); last screen:\n\(screen)",
                                        sourceLocation: sourceLocation)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// A thread-safe counter (unique socket names within the test process).
final class ConsoleCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
