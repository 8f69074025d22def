import ArgumentParser
import VigilCore
import VigilStore

/// `vigil list [FILTER...]`: the triage list.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List reports matching a filter, overdue first.",
        discussion: """
            Filter: key:value terms (desk, country, risk, status, assignee, act, perpetrator, sector, channel, tlp,
            verification, consent, since, until, overdue, id, escalated_to, recorded_by, external_id), comma for or,
            ! for not, + for this level and above; bare words search title, narrative and pseudonym.
            Example: vigil list desk:"South Asia" risk:high+ status:!closed assignee:me land grab
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Filter terms.") var filter: [String] = []
    @Option(help: "received, risk, due, id, updated, status or desk; add :asc or :desc.") var sort = "due"
    @Option(help: "At most this many rows.") var limit: Int?
    @Flag(help: "Print a JSON array of reports.") var json = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit: expected 0 or more rows, not \(limit)") }
    }

    func run() throws {
        guard let order = SortOrder.parse(sort) else {
            throw CLIError.user("--sort: '\(sort)' is not one of \(SortOrder.Key.allCases.map(\.rawValue).joined(separator: ", ")) (optionally :asc or :desc)")
        }
        let store = try storeOptions.open()
        let now = Environment.now
        let parsed = try parseFilter(filter, state: store.state)
        let rows = ReportQuery.run(store.state, filter: parsed, sort: order, limit: limit, context: store.context(now: now))
        if json {
            let objects = rows.map { ReportRecord(report: $0.report, clocks: store.state.clocks, now: now).json() }
            Output.line("[" + objects.joined(separator: ",\n") + "]")
        } else if rows.isEmpty {
            Output.line("no reports match")
        } else {
            Output.line(ListTable.render(rows, vocabularies: store.state.vocabularies))
        }
    }
}
