import ArgumentParser
import VigilCore
import VigilStore

/// `vigil user add|change|list`: the roster.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the roster.", subcommands: [Add.self, Change.self, Remove.self, List.self])

    /// A user as given on the command line: name, role and desks.
    struct UserArguments: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "User name.") var name: String
        @Option(help: "officer, supervisor, admin or auditor.") var role: String
        @Option(help: "Desk codes an officer covers, comma-separated (default: all).") var desks = ""

        /// `withKey`: on a sealed store, the new user's keys are made under a passphrase of their own.
        func perform(_ command: (User) -> Command, done: String, withKey: Bool = false) throws {
            let user = try UserCommand.user(name, role, desks)
            let store = try storeOptions.open()
            let actor = Environment.actor
            let now = Environment.now
            guard withKey, store.isSealed else {
                try guarded { try store.perform(command(user), as: actor, now: now) }
                Output.line("\(done) \(name) as \(user.role.rawValue)")
                return
            }
            // Refusals (not an admin, the name taken) come before asking for a passphrase that would be wasted.
            _ = try guarded { try Decider(state: store.state, actor: actor, now: now).decide(command(user)) }
            let passphrase = try PassphraseSource.new(for: user.name, variable: "VIGIL_NEW_PASSPHRASE_FILE")
            try guarded { try store.addUser(user, passphrase: passphrase, as: actor, now: now) }
            Output.line("\(done) \(name) as \(user.role.rawValue)")
        }
    }

    /// `vigil user add NAME --role R [--desks D,...]`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a user (admins).",
            discussion: "On a sealed store, asks for the new user's passphrase twice (or reads it from the file named by $VIGIL_NEW_PASSPHRASE_FILE).")
        @OptionGroup var arguments: UserArguments
        func run() throws { try arguments.perform({ .addUser($0) }, done: "added", withKey: true) }
    }

    /// `vigil user change NAME --role R [--desks D,...]`
    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "change", abstract: "Change a user's role or desks (admins).")
        @OptionGroup var arguments: UserArguments
        func run() throws { try arguments.perform({ .changeUser($0) }, done: "changed") }
    }

    /// `vigil user remove NAME`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Take a user off the roster (admins).",
            discussion: "Their key is deleted; on a sealed store, everything written from now on is sealed under a new data key that they never had. Their past events stay in the log, signed by them.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "User name.") var name: String

        func run() throws {
            let store = try storeOptions.open()
            try guarded { try store.perform(.removeUser(name: name), as: Environment.actor, now: Environment.now) }
            Output.line("removed \(name)" + (store.isSealed ? "; new events are sealed under a key \(name) does not hold" : ""))
        }
    }

    /// `vigil user list [--json]`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the roster, with each user's signing key fingerprint.",
            discussion: "Compare a fingerprint with the one its user sees for themselves (out of band) to know the key is theirs.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Print a JSON array of {name, role, desks, key}.") var json = false

        func run() throws {
            let store = try storeOptions.open()
            let users = store.state.users.values.sorted { $0.name < $1.name }
            if json {
                let objects = users.map { "{\"name\":\(JSONText.quote($0.name)),\"role\":\"\($0.role.rawValue)\",\"desks\":[\($0.desks.map(JSONText.quote).joined(separator: ","))],"
                + "\"key\":\"\(KeyFingerprint.of($0.keys))\"}" }
                Output.line("[" + objects.joined(separator: ",") + "]")
                return
            }
            for user in users {
                Output.line("\(user.name)\t\(user.role.rawValue)\t\(user.desks.isEmpty ? "all desks" : user.desks.joined(separator: ","))\tkey \(KeyFingerprint.of(user.keys))")
            }
        }
    }

    static func user(_ name: String, _ role: String, _ desks: String) throws -> User {
        guard let parsed = Role(rawValue: role.lowercased()) else {
            throw CLIError.user("role: '\(role)' is not officer, supervisor, admin or auditor")
        }
        return User(name: name, role: parsed, desks: desks.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    }
}
