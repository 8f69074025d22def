import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the console end-to-end harness, with everything needed to understand it in the message.
struct ConsoleE2EFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        description = "\(message)\n(at \(sourceLocation.fileName):\(sourceLocation.line))"
    }
}

/// Runs a program to its end with an explicit environment; output goes to files (no pipe can fill up and block).
///
/// Spawned with `posix_spawn`, not Foundation's `Process`: the child must start with no signal blocked and every
/// signal at its default (a Swift worker thread blocks most signals, and a tmux server or a console inheriting that
/// mask ignores SIGTERM, SIGWINCH and SIGCHLD), and with no descriptor of the test process open (the tmux server
/// would keep `Process`'s exit-watching socket open forever).
enum ConsoleSubprocess {
    struct Outcome: CustomStringConvertible {
        let command: String
        let status: Int32
        let stdout: String
        let stderr: String
        let elapsed: Duration
        let timedOut: Bool

        var description: String {
            "`\(command)` exited \(status) after \(elapsed)\(timedOut ? " (killed: timed out)" : "")\n"
                + "stdout: \(stdout)\nstderr: \(stderr)"
        }
    }

    /// Runs `executable` with `arguments`; stdin is `stdin` (a file) or /dev/null. Killed once `timeout` passes.
    /// The exit status is the program's, or 128 + the signal that ended it.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], scratch: String,
        stdin: String? = nil, timeout: Duration = .seconds(20)
    ) async throws -> Outcome {
        let name = scratch + "/run-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: name + ".out")
            try? FileManager.default.removeItem(atPath: name + ".err")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let pid = try spawn(executable, arguments, environment: environment,
                            stdin: stdin ?? "/dev/null", stdout: name + ".out", stderr: name + ".err")
        var timedOut = false
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1, errno != EINTR {
                throw ConsoleE2EFailure("waitpid(\(pid)) failed: errno \(errno)")
            }
            if !timedOut, clock.now - started >= timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            try? await Task.sleep(for: .milliseconds(3))
        }
        return Outcome(
            command: ([executable] + arguments).joined(separator: " "),
            status: exitStatus(status),
            stdout: (try? String(contentsOfFile: name + ".out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: name + ".err", encoding: .utf8)) ?? "",
            elapsed: clock.now - started,
            timedOut: timedOut
        )
    }

    /// Runs a short command to its end, blocking (for `defer`); returns its exit status.
    @discardableResult
    static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]) -> Int32 {
        guard let pid = try? spawn(executable, arguments, environment: environment,
                                   stdin: "/dev/null", stdout: "/dev/null", stderr: "/dev/null") else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return exitStatus(status)
    }

    /// Runs a short command to its end, blocking; returns its standard output ("" if it could not run).
    static func outputBlocking(_ executable: String, _ arguments: [String], environment: [String: String],
                               scratch: String) -> String {
        let file = scratch + "/run-" + UUID().uuidString + ".out"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard let pid = try? spawn(executable, arguments, environment: environment,
                                   stdin: "/dev/null", stdout: file, stderr: "/dev/null") else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// posix_spawn with stdin/stdout/stderr from files, nothing else open, an empty signal mask and default
    /// signal dispositions.
    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                              stdin: String, stdout: String, stderr: String) throws -> pid_t {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #if canImport(Glibc)
        closeInheritedDescriptors(&actions)
        let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #else
        let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                posix_spawn(&pid, executable, &actions, &attributes,
                            UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: envpBuffer.baseAddress!))
            }
        }
        guard result == 0 else {
            throw ConsoleE2EFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    #if canImport(Glibc)
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+; not in the Swift overlay, so looked up).
    private static let closeFrom: CloseFrom? = dlopen(nil, RTLD_NOW)
        .flatMap { dlsym($0, "posix_spawn_file_actions_addclosefrom_np") }
        .map { unsafeBitCast($0, to: CloseFrom.self) }

    /// Closes every descriptor from 3 up in the child: with `addclosefrom_np`, else one by one as listed now.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom {
            _ = closeFrom(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for descriptor in open where descriptor > 2 && fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
    #endif

    /// The exit status in a `waitpid` status word, or 128 + the signal.
    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// `kill(2)`.
    @discardableResult
    static func signal(_ pid: pid_t, _ number: Int32) -> Int32 { kill(pid, number) }

    /// Whether `pid` is a live process: it exists and (on Linux) is not a zombie waiting for its parent to reap it.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[close...].dropFirst(2).first
        return state != "Z" && state != "X"
    }

    /// The first executable called `name` on `$PATH` (or in the usual system folders).
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
