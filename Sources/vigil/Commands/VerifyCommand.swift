import ArgumentParser
import VigilStore

/// `vigil verify`: walks the hash chain and names the first bad seq.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Walk the hash chain; name the first bad event.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let report = try guarded { try SQLiteStore.verify(at: storeOptions.path, sealer: try storeOptions.sealer()) }
        if json {
            Output.line("{\"ok\":true,\"events\":\(report.events),\"reports\":\(report.reports),\"snapshots\":\(report.snapshots),\"head_hash\":\"\(report.headHash)\"}")
        } else {
            Output.line("ok: \(report.events) events, \(report.reports) reports, \(report.snapshots) snapshots; chain head \(report.headHash)")
        }
    }
}
