import Foundation
import VigilCore
import VigilStore

/// The measurements behind `vigil bench`. Figures are printed, never asserted: the machine is shared and noisy.
struct Bench {
    let folder: String
    private var rows: [(size: Int, name: String, value: String, target: String)] = []

    init(folder: String) { self.folder = folder }

    /// As a shell passes `desk:"South Asia" risk:high+ status:!closed`: the quotes already removed.
    static let triageQuery = ["desk:South Asia", "risk:high+", "status:!closed"]

    mutating func measure(size: Int) throws {
        let path = folder + "/bench-\(size).vigil"
        try? FileManager.default.removeItem(atPath: path)
        let now = Date()
        var started = Clock.now
        _ = try DemoStore.build(at: path, reports: size, seed: 7, now: now)
        record(size, "build store (generate + append)", Clock.seconds(since: started), target: "")

        // Whole process, as an officer would run it: open, fold from the snapshot, filter, sort, print 50 rows.
        let list = try (0..<5).map { _ in try wholeProcess(["list", "--store", path, "--sort", "received", "--limit", "50"] + Bench.triageQuery) }.sorted()[2]
        record(size, "vigil list triage query, whole process (median of 5)", list, target: size == 100_000 ? "< 200 ms" : size == 1_000_000 ? "< 1 s" : "")

        started = Clock.now
        let reopened = try SQLiteStore.open(at: path)
        record(size, "open store (snapshot + tail)", Clock.seconds(since: started), target: "")

        started = Clock.now
        let verified = try SQLiteStore.verify(at: path)
        record(size, "verify: chain, \(verified.signatures) signatures, permissions, fold", Clock.seconds(since: started), target: "")

        let filter = try Filter.parse("desk:\"South Asia\" risk:high+ status:!closed", vocabularies: reopened.state.vocabularies)
        let context = FilterContext(me: "amina", now: now, clocks: reopened.state.clocks)
        let query = median(7) {
            _ = ReportQuery.run(reopened.state, filter: filter, sort: SortOrder(key: .received), limit: 50, context: context)
        }
        record(size, "in-memory filter + sort (triage query)", query, target: size == 1_000_000 ? "< 16 ms" : "")
        let facets = median(5) { _ = Facets.count(reopened.state, filter: .all, context: context) }
        record(size, "in-memory facet counts (all reports)", facets, target: size == 1_000_000 ? "< 16 ms" : "")

        let appends = try (0..<30).map { index -> Double in
            let id = reopened.state.reports[index % reopened.state.reports.count].id
            let start = Clock.now
            try reopened.perform(.comment(id: id, text: "bench \(index)"), as: "noor", now: now)
            return Clock.seconds(since: start)
        }.sorted()[15]
        record(size, "one durable append (median of 30)", appends, target: "< 10 ms")

        let csvPath = folder + "/bench-\(size).csv"
        let csv = Exporter.csv(reports: reopened.state.reports, clocks: reopened.state.clocks, now: now)
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let importPath = folder + "/import-\(size).vigil"
        try? FileManager.default.removeItem(atPath: importPath)
        let target = try SQLiteStore.create(at: importPath, admin: "admin", now: now)
        try target.perform(.addUser(User(name: "noor", role: .officer)), as: "admin", now: now)
        started = Clock.now
        let plan = ImportPlanner.plan(text: csv, file: "bench.csv", format: .csv, state: target.state)
        try target.performAll(plan.rows.map { Command.create($0.values) }, as: "noor", now: now)
        let imported = Clock.seconds(since: started)
        record(size, "import CSV with validation (\(plan.rows.count) rows)", imported, target: size == 1_000_000 ? "< 30 s" : "")
        let console = try ConsoleBench.measure(path: path, now: now)
        let frameTarget = size == 100_000 ? "< 16 ms" : ""
        record(size, "console: first paint (open store + first frame)", console.firstPaint, target: size == 100_000 ? "< 500 ms" : "")
        record(size, "console: move one row (key to presented frame)", console.move, target: frameTarget)
        record(size, "console: apply a typed filter (Enter)", console.filter, target: frameTarget)
        record(size, "console: change the sort", console.sort, target: frameTarget)
        record(size, "console: open a report and back", console.open, target: frameTarget)
        record(size, "console: bytes written moving one row", nil, target: "< 300 bytes",
               text: console.moveBytes.map { "\($0) B" } ?? "\(console.moveCells) cells")
        record(size, "memory high-water mark (this process)", nil, target: size == 1_000_000 ? "< 1.5 GB" : "", text: Memory.highWaterMark())
    }

    private mutating func record(_ size: Int, _ name: String, _ seconds: Double?, target: String, text: String? = nil) {
        rows.append((size, name, text ?? seconds.map(Clock.format) ?? "-", target))
    }

    private func median(_ runs: Int, _ body: () -> Void) -> Double {
        (0..<runs).map { _ in
            let start = Clock.now
            body()
            return Clock.seconds(since: start)
        }.sorted()[runs / 2]
    }

    private func wholeProcess(_ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        // Bench stores are plain: keep their warning line out of the table.
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let start = Clock.now
        try process.run()
        process.waitUntilExit()
        return Clock.seconds(since: start)
    }

    func table() -> String {
        var lines = ["reports     measurement                                             result      target"]
        for row in rows {
            lines.append(String(row.size).padding(toLength: 12, withPad: " ", startingAt: 0)
                         + row.name.padding(toLength: 56, withPad: " ", startingAt: 0)
                         + row.value.padding(toLength: 12, withPad: " ", startingAt: 0) + row.target)
        }
        return lines.joined(separator: "\n")
    }
}

/// Monotonic time for measurements.
enum Clock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(now - start) / 1e9 }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

/// Reads this process's peak resident memory from /proc.
enum Memory {
    static func highWaterMark() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "?" }
        // "VmHWM:\t 157000 kB", with tabs or spaces depending on the number's width.
        let kilobytes = Double(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "0") ?? 0
        return String(format: "%.0f MB", kilobytes / 1024)
    }
}
