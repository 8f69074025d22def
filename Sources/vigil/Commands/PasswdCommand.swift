import ArgumentParser
import VigilStore

/// `vigil passwd`: changes the acting user's passphrase on a sealed store (re-wraps the key; the log is untouched).
struct PasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Change your passphrase on a sealed store (the log is not re-encrypted).",
        discussion: "Asks for the current passphrase (or reads VIGIL_PASSPHRASE_FILE), then the new one twice (or reads VIGIL_NEW_PASSPHRASE_FILE).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        guard store.isSealed else { throw CLIError.user("\(store.path) is not sealed: it has no passphrases to change") }
        let user = Environment.actor
        let passphrase = try PassphraseSource.new(for: user, variable: "VIGIL_NEW_PASSPHRASE_FILE")
        try guarded { try store.changePassphrase(for: user, to: passphrase) }
        Output.line("changed the passphrase of \(user); the log was not re-encrypted")
    }
}
