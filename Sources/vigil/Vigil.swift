import ArgumentParser
import Foundation

/// `vigil`: the triage console and its command line.
@main
struct Vigil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Triage console for protection desks: threat reports against human rights defenders.",
        discussion: """
            With no subcommand, opens the console on the store. The acting user is $VIGIL_USER or the login name.
            Exit status: 0 ok, 1 a user error (refused, invalid input, not found), 2 a store error.
            """,
        subcommands: [
            ConsoleCommand.self, InitCommand.self, DemoCommand.self, AddCommand.self, EditCommand.self,
            ImportCommand.self, ExportCommand.self, ListCommand.self, ShowCommand.self, StatsCommand.self,
            TakeCommand.self, AssignCommand.self, AssessCommand.self, EscalateCommand.self, DecideCommand.self,
            RespondCommand.self, MonitorCommand.self, RetriageCommand.self, CloseCommand.self, ReopenCommand.self,
            CommentCommand.self, LinkCommand.self, UnlinkCommand.self, VerifyCommand.self, UserCommand.self, SettingsCommand.self, PasswdCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Runs the parsed command with the exit codes of the contract; usage errors are user errors (1).
    static func main() {
        // Files the program creates are private to the user, whatever the umask was.
        umask(0o077)
        do {
            var command = try parseAsRoot()
            try command.run()
            OpenStores.closeAll()
        } catch let error as CLIError {
            OpenStores.closeAll()
            Output.error("vigil: \(error.description)")
            Foundation.exit(error.exitCode)
        } catch {
            OpenStores.closeAll()
            let code = exitCode(for: error)
            if code == .success || code.rawValue == ExitCode.success.rawValue {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if code == .validationFailure {
                Output.error(message)
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
