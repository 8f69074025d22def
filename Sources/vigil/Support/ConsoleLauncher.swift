import Foundation
import TerminalKit
import TerminalNcurses
import VigilConsole
import VigilCore
import VigilStore

/// Starts the console on an open store: theme, keymap, terminal, then the loop; the terminal is restored on
/// every way out.
enum ConsoleLauncher {
    static func run(store: SQLiteStore, actor: String, noColor: Bool) throws {
        guard NcursesTerminal.hasTerminal else {
            throw CLIError.user("the console needs a terminal (stdin and stdout must be a tty); use `vigil list` in scripts")
        }
        var keymap = Keymap.standard
        let configHome = Environment.variable("XDG_CONFIG_HOME") ?? (NSHomeDirectory() + "/.config")
        let keysPath = configHome + "/vigil/keys"
        if let data = FileManager.default.contents(atPath: keysPath) {
            for problem in keymap.apply(String(decoding: data, as: UTF8.self), file: keysPath) { Output.error("vigil: \(problem)") }
        }
        let monochrome = noColor || Environment.variable("NO_COLOR") != nil
        let backend = NcursesBackend(theme: monochrome ? .monochrome : .colour, useColour: !monochrome)
        try backend.start()
        defer { backend.stop() }
        let session = Session(user: actor, storePath: store.path, unicode: backend.isUTF8, sealed: store.isSealed)
        let app = ConsoleApp(store: store, session: session, backend: backend, keymap: keymap, clock: { Date() })
        // The lock screen's passphrase is checked the way opening checks it: by unwrapping the user's key.
        let path = store.path
        app.unlock = { typed in (try? SQLiteStore.unlock(at: path, user: actor, passphrase: Passphrase(typed))) != nil }
        app.run()
    }
}
