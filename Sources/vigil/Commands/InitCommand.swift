import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil init`: creates a store whose first user is its admin; sealed unless `--insecure-plain`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a sealed store; the creator is its admin.",
        discussion: """
            Asks for the admin's passphrase twice on the terminal (or reads it once from the file named by \
            $VIGIL_PASSPHRASE_FILE). A forgotten passphrase cannot be recovered.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The admin's user name (default: the acting user).") var admin: String?
    @Flag(help: "Create a plain store that is NOT sealed: anyone who can read the file can read the reports. For demos and tests only.")
    var insecurePlain = false

    func run() throws {
        let name = admin ?? Environment.actor
        let path = storeOptions.path
        if insecurePlain {
            let store = try guarded { try SQLiteStore.create(at: path, admin: name, now: Environment.now) }
            Output.line("created \(store.path) with admin \(name)")
            PlainWarning.print(path)
            return
        }
        // Refused before asking: a passphrase typed twice for a store that cannot be made is wasted effort.
        if FileManager.default.fileExists(atPath: path) { throw CLIError.from(StoreError.alreadyExists(path: path)) }
        let passphrase = try PassphraseSource.new(for: name, variable: "VIGIL_PASSPHRASE_FILE")
        let store = try guarded { try SQLiteStore.create(at: path, admin: name, passphrase: passphrase, now: Environment.now) }
        Output.line("created \(store.path) with admin \(name)")
        Output.line("sealed (\(AEADSealer.scheme)); `vigil user add` gives each user a key under their own passphrase")
    }
}
