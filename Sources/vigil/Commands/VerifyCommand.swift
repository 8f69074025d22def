import ArgumentParser
import VigilStore

/// `vigil verify`: walks the hash chain, every signature and every permission, and names the first bad seq.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the hash chain, every signature and every permission; name the first bad event.",
        discussion: "Write down the chain head and founder key it prints: a log rewritten later shows a different head, one rewritten from its first event a different founder key.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let report = try guarded { try SQLiteStore.verify(at: storeOptions.path, sealer: try storeOptions.sealer()) }
        if json {
            Output.line("{\"ok\":true,\"events\":\(report.events),\"signatures\":\(report.signatures),\"reports\":\(report.reports),"
                        + "\"snapshots\":\(report.snapshots),\"epochs\":\(report.epochs),\"head_hash\":\"\(report.headHash)\","
                        + "\"founder_key\":\"\(report.founderKey)\"}")
        } else {
            let epochs = report.epochs == 0 ? "" : ", \(report.epochs) key epoch\(report.epochs == 1 ? "" : "s")"
            Output.line("ok: \(report.events) events, \(report.signatures) signatures, \(report.reports) reports, \(report.snapshots) snapshots\(epochs); "
                        + "chain head \(report.headHash); founder key \(report.founderKey)")
        }
    }
}
