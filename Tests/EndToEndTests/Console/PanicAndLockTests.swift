import Foundation
import Testing

extension ConsoleEndToEndTests {
    /// Panic: one key clears the screen and the scrollback, leaves the alternate screen and exits, leaving an
    /// ordinary shell prompt with no report text anywhere in the pane's history.
    @Test("panic key: no report text left on screen or in the scrollback, the shell is back")
    func panicKey() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let script = #"echo VIGIL-BEFORE; "$0" console --store "$1"; echo "VIGIL-EXITED rc=$?"; exec sleep 600"#
            let pane = try await tmux.open(sandbox.shellCommand(script, user: "amina"), width: 120, height: 40)
            let running = try await pane.waitUntil("the console") { $0.line(39).contains("amina (officer)") }
            #expect(running.contains("R-2026"))
            let pressed = Date()
            try await pane.keys("F12")
            _ = try await pane.waitFor("VIGIL-EXITED")
            let elapsed = Date().timeIntervalSince(pressed)
            print("panic: key to shell prompt in \(Int(elapsed * 1000)) ms (through tmux)")
            #expect(elapsed < 2, "panic took \(elapsed) s")
            let history = try await tmux.command(["capture-pane", "-p", "-S", "-", "-E", "-", "-t", pane.target])
            #expect(!history.contains("R-2026"), "report ids left in the pane or its scrollback:\n\(history)")
            #expect(!history.contains("amina (officer)"), "the console's status bar is left over:\n\(history)")
            #expect(try await pane.format("#{alternate_on}") == "0", "still on the alternate screen")
        }
    }

    /// The lock key replaces the screen with a neutral one; Enter (a plain store) brings the console back.
    @Test("lock key: a neutral screen with no report text, then back")
    func lockKey() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let console = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "amina"),
                                              width: 120, height: 40)
            try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                           titles: ["Facets", "Reports:", "Detail"], "the triage screen")
            try await console.keys("C-k")
            let locked = try await console.waitFor("Vigil is locked")
            #expect(!locked.contains("R-2026") && !locked.contains("amina (officer)"), "report text under the lock:\n\(locked)")
            try await console.keys("Enter")
            _ = try await console.waitUntil("the console back") { $0.line(39).contains("amina (officer)") }
        }
    }
}
