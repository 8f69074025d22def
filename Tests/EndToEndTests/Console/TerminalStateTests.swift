import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a colour test asks for its look.
enum ConsoleColourCase: String, CaseIterable, CustomTestStringConvertible {
    case colour = "colour (no NO_COLOR)"
    case noColorVariable = "NO_COLOR=1"
    case noColorFlag = "--no-color"

    var testDescription: String { rawValue }
}

/// How a quit test ends the console.
enum ConsoleQuitCase: String, CaseIterable, CustomTestStringConvertible {
    case q = "q"
    case controlC = "C-c"
    case sigterm = "SIGTERM"

    var testDescription: String { rawValue }
}

extension ConsoleEndToEndTests {
    /// Under NO_COLOR (or --no-color) the screen carries no colour escape at all, only bold, reverse, underline and
    /// dim; with colours allowed the same screens do use colours (so the check can see them).
    @Test("NO_COLOR: no colour escape codes, only bold/reverse/underline", arguments: ConsoleColourCase.allCases)
    func noColor(_ look: ConsoleColourCase) async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let arguments = ["console", "--store", sandbox.store] + (look == .noColorFlag ? ["--no-color"] : [])
            let console = try await tmux.open(
                sandbox.consoleCommand(arguments, user: "amina", noColor: look == .noColorVariable), width: 120, height: 40)
            try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                           titles: ["Facets", "Reports:", "Detail"], "the triage screen")
            let triage = try await console.capture(escapes: true)
            // The queue and the help overlay have their own roles (deadlines, key names).
            try await console.keys("2")
            try await console.waitUntil("the escalation queue") { $0.box("Escalations:") != nil }
            let queue = try await console.capture(escapes: true)
            try await console.keys("?")
            let help = try await console.waitUntil("the help overlay", escapes: true) { $0.text != queue.text }

            for (name, screen) in [("triage", triage), ("queue", queue), ("help", help)] {
                let sequences = screen.sgrSequences()
                let coloured = Set(sequences.filter(ConsoleScreen.setsColour))
                if look == .colour {
                    #expect(!coloured.isEmpty, "no colour codes on the \(name) screen without NO_COLOR")
                } else {
                    #expect(coloured.isEmpty,
                            "colour codes on the \(name) screen under \(look.rawValue): \(coloured.sorted().map { "ESC[\($0)m" })")
                    // Meaning is carried by attributes instead: the selection is reversed, headings bold.
                    #expect(sequences.contains { ConsoleScreen.sgr($0, has: 7) }, "no reverse video on the \(name) screen")
                    #expect(sequences.contains { ConsoleScreen.sgr($0, has: 1) }, "no bold on the \(name) screen")
                }
            }
        }
    }

    /// Quitting leaves the terminal as it was: the shell's own screen back (the alternate screen left), the
    /// cursor shown, keypad and mouse modes off, and the line discipline (`stty`) exactly as before.
    /// The script ends in `exec sleep` so the pane stays alive: tmux 3.3 repaints a dead pane (clearing it).
    @Test("quitting restores the terminal", arguments: ConsoleQuitCase.allCases)
    func quitRestoresTerminal(_ quit: ConsoleQuitCase) async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let script = """
                stty -g > "$2/stty-before"; echo VIGIL-BEFORE; "$0" console --store "$1"; rc=$?; \
                stty -g > "$2/stty-after"; stty -a > "$2/stty-a"; echo "VIGIL-EXITED rc=$rc"; exec sleep 600
                """
            let pane = try await tmux.open(sandbox.shellCommand(script, user: "amina"), width: 100, height: 30)
            let running = try await pane.waitUntil("the console") { $0.line(29).contains("amina (officer)") }
            #expect(!running.contains("VIGIL-BEFORE"), "the console is not on the alternate screen:\n\(running)")
            #expect(try await pane.format("#{alternate_on}") == "1")

            switch quit {
            case .q: try await pane.keys("q")
            case .controlC: try await pane.keys("C-c")
            case .sigterm:
                let shell = try await pane.pid()
                let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
                let vigil = try #require(children.split(separator: " ").compactMap { Int32($0) }.first,
                                         "no child process of the pane's shell (\(shell))")
                #expect(kill(vigil, SIGTERM) == 0)
            }
            let after = try await pane.waitFor("VIGIL-EXITED")
            if quit != .sigterm { #expect(after.contains("VIGIL-EXITED rc=0"), "\(after)") }
            #expect(after.contains("VIGIL-BEFORE"), "the shell's screen is not back:\n\(after)")
            #expect(!after.contains("amina (officer)") && !after.contains("Reports:") && !after.contains("┌"),
                    "the console's screen is left over:\n\(after)")
            #expect(try await pane.format("#{alternate_on}") == "0", "still on the alternate screen")
            #expect(try await pane.format("#{cursor_flag}") == "1", "the cursor is left hidden")
            #expect(try await pane.format("#{keypad_cursor_flag}#{keypad_flag}") == "00", "keypad mode left on")
            #expect(try await pane.format("#{mouse_any_flag}") == "0", "mouse reporting left on")

            let before = try String(contentsOfFile: sandbox.folder + "/stty-before", encoding: .utf8)
            let restored = try String(contentsOfFile: sandbox.folder + "/stty-after", encoding: .utf8)
            let settings = try String(contentsOfFile: sandbox.folder + "/stty-a", encoding: .utf8)
            #expect(restored == before, "stty -g before: \(before) after: \(restored)")
            let flags = Set(settings.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
            for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
                #expect(flags.contains(flag) && !flags.contains("-" + flag), "stty -a after quitting lacks \(flag):\n\(settings)")
            }
        }
    }

    /// Without a terminal on stdin the console refuses at once, with a message, instead of spinning; both with
    /// no terminal at all and with stdout still a terminal.
    @Test("stdin not a tty: the console exits non-zero at once with a message")
    func stdinNotATerminal() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let outcome = try await sandbox.run(["console", "--store", sandbox.store], as: "amina",
                                                stdin: "/dev/null", timeout: .seconds(10))
            #expect(!outcome.timedOut, "the console spun with stdin at /dev/null: \(outcome)")
            #expect(outcome.status != 0, "\(outcome)")
            #expect(outcome.elapsed < .seconds(5), "\(outcome)")
            #expect(outcome.stderr.contains("terminal"), "no message about the terminal: \(outcome)")

            // stdout a terminal (tmux), stdin /dev/null.
            let script = #""$0" console --store "$1" < /dev/null; echo "VIGIL-RC=$?"; exec sleep 600"#
            let pane = try await tmux.open(sandbox.shellCommand(script, user: "amina"), width: 100, height: 20)
            let screen = try await pane.waitFor("VIGIL-RC=")
            #expect(!screen.contains("VIGIL-RC=0"), "exit status 0 without a terminal on stdin:\n\(screen)")
            #expect(screen.contains("terminal"), "no message about the terminal:\n\(screen)")
            #expect(try await pane.format("#{alternate_on}") == "0")
        }
    }

    /// Closing the terminal (the pane goes away under the console) ends the program instead of leaving it
    /// spinning on a dead terminal.
    @Test("closing the terminal ends the console")
    func closedTerminalEndsConsole() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let pane = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "amina"),
                                           width: 100, height: 30)
            try await pane.waitUntil("the console") { $0.line(29).contains("amina (officer)") }
            let vigil = try await pane.pid()  // env -i execs vigil: the pane's process is the console
            try await tmux.command(["kill-pane", "-t", pane.target])

            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(5)
            while ConsoleSubprocess.isRunning(vigil), clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            let alive = ConsoleSubprocess.isRunning(vigil)
            if alive { kill(vigil, SIGKILL) }  // ours, left spinning: do not leak it
            #expect(!alive, "vigil (pid \(vigil)) still runs 5 s after its terminal was closed")
        }
    }
}
