import Foundation
import Testing

/// Passphrases typed on the controlling terminal (a tmux pane): never echoed, asked twice for a new key, and
/// the terminal's settings restored afterwards, also when ^C cancels.
@Suite("Sealing: passphrases from the terminal", .serialized, .timeLimit(.minutes(1)))
struct PassphrasePromptTests {
    @Test("init asks twice without echo, list asks once, ^C cancels; stty is as before")
    func prompts() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            let secret = "terminal typed secret words"
            let script = """
                stty -g > "$2/stty-before"; S="$2/vault/desk.vigil"; \
                "$0" init --store "$S"; echo "VIGIL-INIT=$?"; \
                "$0" list --store "$S"; echo "VIGIL-LIST=$?"; \
                "$0" list --store "$S"; echo "VIGIL-CANCEL=$?"; \
                stty -g > "$2/stty-after"; exec sleep 600
                """
            let pane = try await tmux.open(sandbox.shellCommand(script, user: "amina"), width: 120, height: 20)
            try await pane.waitFor("new passphrase for amina:")
            try await pane.type(secret)
            try await pane.keys("Enter")
            try await pane.waitFor("the same passphrase again:")
            try await pane.type(secret)
            try await pane.keys("Enter")
            try await pane.waitFor("VIGIL-INIT=0", timeout: .seconds(20))
            try await pane.waitFor("passphrase of amina for \(sandbox.folder)/vault/desk.vigil:")
            // A typo erased with backspace still opens.
            try await pane.type(secret + "x")
            try await pane.keys("BSpace", "Enter")
            try await pane.waitFor("VIGIL-LIST=0", timeout: .seconds(20))
            try await pane.waitUntil("the third prompt") { $0.lines(containing: "passphrase of amina for").count == 2 }
            try await pane.type("half typed")
            try await pane.keys("C-c")
            let screen = try await pane.waitFor("VIGIL-CANCEL=")
            #expect(screen.contains("VIGIL-CANCEL=1"), "\(screen)")
            #expect(screen.contains("vigil: cancelled"), "\(screen)")
            #expect(screen.contains("no reports match"), "\(screen)")
            #expect(!screen.contains("secret") && !screen.contains("half typed"), "a passphrase was echoed:\n\(screen)")
            let before = try String(contentsOfFile: sandbox.folder + "/stty-before", encoding: .utf8)
            let after = try String(contentsOfFile: sandbox.folder + "/stty-after", encoding: .utf8)
            #expect(before == after, "stty -g before: \(before) after: \(after)")
        }
    }
}
