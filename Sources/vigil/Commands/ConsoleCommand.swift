import ArgumentParser
import VigilCore
import VigilStore

/// `vigil` / `vigil console`: the triage console on the store.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the triage console (the default).")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Monochrome display (also when NO_COLOR is set).") var noColor = false

    func run() throws {
        let store = try storeOptions.open()
        try ConsoleLauncher.run(store: store, actor: Environment.actor, noColor: noColor)
    }
}
