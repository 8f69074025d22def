import ArgumentParser
import VigilCore
import VigilStore

/// `vigil init`: creates a store whose first user is its admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a store; the creator is its admin.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The admin's user name (default: the acting user).") var admin: String?

    func run() throws {
        let name = admin ?? Environment.actor
        let store = try guarded { try SQLiteStore.create(at: storeOptions.path, admin: name, now: Environment.now) }
        Output.line("created \(store.path) with admin \(name)")
        Output.line("payloads are stored in clear (sealing: plain); do not keep real cases in it until sealed stores exist")
    }
}
