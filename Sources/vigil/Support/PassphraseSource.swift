import Foundation
import VigilStore

/// Where passphrases come from: the file named by an environment variable (for scripts and tests; one trailing
/// newline is dropped), else the terminal without echo. Never from an argument, which `ps` and shell history show.
enum PassphraseSource {
    /// The acting user's passphrase for an existing sealed store.
    static func current(for user: String, store path: String) throws -> Passphrase {
        if let file = Environment.variable("VIGIL_PASSPHRASE_FILE") { return try read(file, variable: "VIGIL_PASSPHRASE_FILE") }
        return try TerminalPrompt.secret("passphrase of \(user) for \(path): ")
    }

    /// A passphrase for a new key: read from the file named by `variable`, else typed twice on the terminal.
    static func new(for user: String, variable: String) throws -> Passphrase {
        if let file = Environment.variable(variable) { return try checked(read(file, variable: variable), user) }
        let first = try checked(TerminalPrompt.secret("new passphrase for \(user): "), user)
        let again = try TerminalPrompt.secret("the same passphrase again: ")
        guard first.matches(again) else { throw CLIError.user("the two passphrases differ; nothing was changed") }
        return first
    }

    private static func checked(_ passphrase: Passphrase, _ user: String) throws -> Passphrase {
        if passphrase.count < WeakPassphrase.minimumLength { throw CLIError.user(WeakPassphrase(user: user).description) }
        return passphrase
    }

    private static func read(_ file: String, variable: String) throws -> Passphrase {
        guard var data = FileManager.default.contents(atPath: Environment.absolute(file)) else {
            throw CLIError.user("\(variable)=\(file): cannot read the file")
        }
        defer { data.resetBytes(in: data.startIndex..<data.endIndex) }
        var end = data.endIndex
        if end > data.startIndex, data[end - 1] == 0x0A {
            end -= 1
            if end > data.startIndex, data[end - 1] == 0x0D { end -= 1 }
        }
        return Passphrase(bytes: data[data.startIndex..<end])
    }
}
