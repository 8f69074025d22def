import ArgumentParser
import TerminalKit
import VigilCore
import VigilStore

/// `vigil stats [FILTER...]`: counts by desk x risk, by status, by act, overdue.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts by desk x risk, by status, by act, and overdue.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Filter terms.") var filter: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try storeOptions.open()
        let parsed = try parseFilter(filter, state: store.state)
        let facets = Facets.count(store.state, filter: parsed, context: store.context(now: Environment.now))
        let vocabularies = store.state.vocabularies
        let risks = RiskLevel.allCases.map(\.rawValue) + [Facets.unassessed]
        if json {
            func object(_ counts: [String: Int]) -> String {
                "{" + counts.keys.sorted().map { "\(JSONText.quote($0)):\(counts[$0]!)" }.joined(separator: ",") + "}"
            }
            let deskRisk = "{" + facets.deskRisk.keys.sorted().map { "\(JSONText.quote($0)):\(object(facets.deskRisk[$0]!))" }.joined(separator: ",") + "}"
            Output.line("{\"total\":\(facets.total),\"overdue\":\(facets.overdue),\"desk_risk\":\(deskRisk),\"by_status\":\(object(facets.byStatus)),\"by_act\":\(object(facets.byAct)),\"by_week\":\(object(facets.byWeek))}")
            return
        }
        Output.line("\(facets.total) reports, \(facets.overdue) overdue")
        Output.line()
        let deskWidth = max(4, vocabularies.desks.terms.map { DisplayWidth.of($0.label) }.max() ?? 0)
        Output.line(TextLayout.pad("DESK", to: deskWidth) + risks.map { TextLayout.pad($0.uppercased(), to: 11, align: .right) }.joined() + TextLayout.pad("TOTAL", to: 8, align: .right))
        for desk in vocabularies.desks.terms where facets.byDesk[desk.code] != nil {
            let counts = facets.deskRisk[desk.code] ?? [:]
            Output.line(TextLayout.pad(desk.label, to: deskWidth) + risks.map { TextLayout.pad(String(counts[$0] ?? 0), to: 11, align: .right) }.joined()
                        + TextLayout.pad(String(facets.byDesk[desk.code] ?? 0), to: 8, align: .right))
        }
        Output.line()
        Output.line("STATUS")
        for status in Status.allCases where facets.byStatus[status.rawValue] != nil {
            Output.line("  " + TextLayout.pad(status.rawValue, to: 12) + TextLayout.pad(String(facets.byStatus[status.rawValue]!), to: 8, align: .right))
        }
        Output.line()
        Output.line("ACTS")
        for (act, count) in facets.byAct.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            Output.line("  " + TextLayout.pad(act, to: 20) + TextLayout.pad(String(count), to: 8, align: .right))
        }
    }
}
