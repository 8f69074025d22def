import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil bench`: prints the performance table of the foundation issue, measured on this machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure store and query speed at several sizes and print them beside the targets.")

    @Option(help: "Report counts to measure, comma-separated.") var reports = "10000,100000"
    @Option(help: "Where to build the bench stores (default: a temporary folder, removed afterwards).") var folder: String?
    @Flag(help: "Keep the bench stores.") var keep = false

    func run() throws {
        let sizes = reports.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw CLIError.user("--reports: expected counts like 10000,100000") }
        let base = folder.map(Environment.absolute) ?? (NSTemporaryDirectory() + "vigil-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { if !keep && folder == nil { try? FileManager.default.removeItem(atPath: base) } }
        var bench = Bench(folder: base)
        for size in sizes { try bench.measure(size: size) }
        Output.line(bench.table())
    }
}
