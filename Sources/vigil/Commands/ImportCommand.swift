import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil import FILE`: CSV (RFC 4180) or JSON Lines, all-or-nothing unless --skip-invalid.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import reports from CSV or JSON Lines; all or nothing by default.",
        discussion: "Columns are the field names of `vigil show --json`; title, country and acts are required. "
            + "Rows whose external_id is already in the store are skipped, so re-importing a file imports nothing twice.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "csv or jsonl (default: from the file name).") var format: String?
    @Flag(help: "Import the valid rows and report the invalid ones.") var skipInvalid = false
    @Flag(help: "Only validate; import nothing.") var dryRun = false

    func run() throws {
        let name = (file as NSString).lastPathComponent
        guard let kind = format.map({ ImportFormat(rawValue: $0.lowercased()) }) ?? ImportFormat(fileName: file) else {
            throw CLIError.user("\(file): cannot tell the format; give --format csv or --format jsonl")
        }
        guard let data = FileManager.default.contents(atPath: Environment.absolute(file)) else {
            throw CLIError.user("\(file): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.user("\(file): not UTF-8 text")
        }
        let store = try storeOptions.open()
        let plan = ImportPlanner.plan(text: text, file: name, format: kind, state: store.state)
        for problem in plan.problems { Output.error(problem.description) }
        let skipped = plan.skippedDuplicates.count
        if !plan.problems.isEmpty && !skipInvalid {
            throw CLIError.user("\(plan.problems.count) problem(s) in \(name); nothing imported (use --skip-invalid to import the valid rows)")
        }
        if dryRun {
            Output.line("dry run: \(plan.rows.count) row(s) would be imported, \(skipped) already imported, \(plan.problems.count) invalid")
            return
        }
        let events = try guarded {
            try store.performAll(plan.rows.map { Command.create($0.values) }, as: Environment.actor, now: Environment.now)
        }
        Output.line("imported \(events.count) report(s) from \(name); \(skipped) already imported; \(plan.problems.count) invalid row(s) skipped")
    }
}

/// `vigil export [FILTER...]`: CSV or JSON Lines of a filter's result, re-importable.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a filter's reports as CSV or JSON Lines; every export is recorded.",
        discussion: """
            --pseudonymise makes an export for partners: names become stable keyed pseudonyms, contacts, exact places             and narratives are dropped, country and desk kept; red-TLP and internal-only (or no-consent) reports are             withheld unless --force REASON (supervisors and admins), and the reason is recorded.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Filter terms.") var filter: [String] = []
    @Option(help: "csv or jsonl.") var format = "csv"
    @Option(help: "Write to this file (created private, 0600) instead of standard output.") var output: String?
    @Flag(help: "Pseudonymise names and drop contacts, exact places and narratives.") var pseudonymise = false
    @Option(help: "With --pseudonymise: include red-TLP and internal-only reports, for this recorded reason.") var force: String?

    func run() throws {
        guard let kind = ImportFormat(rawValue: format.lowercased()) else { throw CLIError.user("--format: '\(format)' is not csv or jsonl") }
        if force != nil && !pseudonymise { throw CLIError.user("--force goes with --pseudonymise") }
        let store = try storeOptions.open()
        let now = Environment.now
        let parsed = try parseFilter(filter, state: store.state)
        let rows = ReportQuery.run(store.state, filter: parsed, sort: SortOrder(key: .id), context: store.context(now: now))
        var reports = rows.map(\.report)
        var withheld = 0
        if pseudonymise {
            if force == nil {
                withheld = reports.filter { !Pseudonymiser.mayLeave($0) }.count
                reports = reports.filter(Pseudonymiser.mayLeave)
            }
            let pseudonymiser = Pseudonymiser(key: try guarded { try store.pseudonymKey() })
            reports = reports.map(pseudonymiser.pseudonymise)
        }
        // Recorded before anything is written: an export that cannot be recorded does not happen.
        let record = EventBody.Export(count: reports.count, filter: parsed.text, format: kind.rawValue,
                                      pseudonymised: pseudonymise, forcedReason: force)
        try guarded { try store.perform(.recordExport(record), as: Environment.actor, now: now) }
        let text = kind == .csv ? Exporter.csv(reports: reports, clocks: store.state.clocks, now: now)
                                : Exporter.jsonLines(reports: reports, clocks: store.state.clocks, now: now)
        if withheld > 0 {
            Output.error("withheld \(withheld) report(s) marked TLP:RED or internal-only; --force REASON includes them")
        }
        guard let output else { Output.write(text); return }
        let path = Environment.absolute(output)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError.user("\(output): cannot write the file")
        }
        Output.error("exported \(reports.count) report(s) to \(output)")
    }
}
