import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil demo`: creates (or reuses) a generated demo store and opens the console on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create (or reuse) a demo store and open the console on it.")

    @Option(help: "The demo store (default: $XDG_DATA_HOME/vigil/demo.vigil).") var store: String?
    @Option(help: "How many reports to generate.") var reports = 400
    @Option(help: "Seed for the generator; the same seed gives the same reports.") var seed: UInt64 = 42
    @Flag(help: "Only create the store and print the triage list; do not open the console.") var noConsole = false
    @Option(help: "Open the console as this demo user (default: $VIGIL_USER, else amina).") var user: String?
    @Flag(help: "Monochrome display.") var noColor = false

    func validate() throws {
        if reports < 0 { throw ValidationError("--reports: expected 0 or more reports, not \(reports)") }
    }

    func run() throws {
        let path = Environment.demoStorePath(store)
        let existing = FileManager.default.fileExists(atPath: path)
        // The demo is fictional and stays plain; a sealed store is a real one, not to be opened as a demo.
        if existing, try guarded({ try SQLiteStore.sealing(at: path) }).isSealed {
            throw CLIError.user("\(path) is a sealed store, not a demo; give the demo its own --store")
        }
        PlainWarning.print(path, note: "a demo of fictional reports: never keep real cases in it")
        let opened = OpenStores.keep(try guarded { existing ? try DemoStore.reuse(at: path, reports: reports, seed: seed)
                                                            : try DemoStore.build(at: path, reports: reports, seed: seed, now: Environment.now) })
        let actor = user ?? Environment.variable("VIGIL_USER") ?? "amina"
        if noConsole {
            Output.line(existing ? "reusing \(path)" : "created \(path) with \(opened.state.reports.count) reports")
            let rows = ReportQuery.run(opened.state, filter: try parseFilter(["status:!closed"], state: opened.state),
                                       sort: .triage, limit: 50,
                                       context: FilterContext(me: actor, now: Environment.now, clocks: opened.state.clocks))
            Output.line(ListTable.render(rows, vocabularies: opened.state.vocabularies))
            Output.line("users: admin, " + DemoTeam.members.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", "))
            return
        }
        try ConsoleLauncher.run(store: opened, actor: actor, noColor: noColor)
    }
}

/// Builds a demo store from the generator, in batches so memory stays flat.
enum DemoStore {
    /// Builds beside the final path and moves into place only when complete, so a failed build leaves nothing
    /// that a later `vigil demo` would mistake for a finished store.
    static func build(at path: String, reports: Int, seed: UInt64, now: Date) throws -> SQLiteStore {
        let partial = path + ".partial-\(getpid())"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) } }
        try fill(at: partial, reports: reports, seed: seed, now: now)
        guard rename(partial, path) == 0 else {
            throw StoreError.io(path: path, reason: "cannot move the finished demo store into place: \(String(cString: strerror(errno)))")
        }
        return try SQLiteStore.open(at: path)
    }

    /// Opens an existing demo store; one made by an earlier build in a format this one does not read is moved
    /// aside (never deleted) and a new one generated, since the demo's reports are fictional.
    static func reuse(at path: String, reports: Int, seed: UInt64) throws -> SQLiteStore {
        do {
            return try SQLiteStore.open(at: path)
        } catch StoreError.olderFormat(_, let found, _) {
            let aside = path + ".format-\(found)"
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, aside + suffix) == 0 else {
                    throw StoreError.io(path: path, reason: "cannot move the old demo store aside: \(String(cString: strerror(errno)))")
                }
            }
            Output.error("\(path) was made by an earlier Vigil; moved it to \(aside) and generated a new demo")
            return try build(at: path, reports: reports, seed: seed, now: Environment.now)
        }
    }

    private static func fill(at path: String, reports: Int, seed: UInt64, now: Date) throws {
        let generator = DemoGenerator(reports: reports, seed: seed, now: now)
        let store = try SQLiteStore.create(at: path, admin: DemoTeam.admin.name, now: generator.start.addingTimeInterval(-60))
        store.snapshotInterval = .max
        let script = generator.submissions()
        var index = 0
        while index < script.count {
            let end = min(index + 2_000, script.count)
            try store.performAll(Array(script[index..<end]))
            index = end
        }
        try store.writeSnapshot()
        try store.checkpoint()
    }
}
