import Foundation
import VigilCore
import VigilStore

/// Starts the console on an open store. Until the console lands this prints the triage list.
enum ConsoleLauncher {
    static func run(store: SQLiteStore, actor: String, noColor: Bool) throws {
        let now = Environment.now
        let rows = ReportQuery.run(store.state, filter: try parseFilter(["status:!closed"], state: store.state), sort: .triage,
                                   limit: 50, context: FilterContext(me: actor, now: now, clocks: store.state.clocks))
        Output.line(ListTable.render(rows, vocabularies: store.state.vocabularies))
    }
}
