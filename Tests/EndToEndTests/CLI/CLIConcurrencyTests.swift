import Foundation
import Testing

@Suite("CLI: several processes on one store")
struct CLIConcurrencyTests {
    @Test("four processes appending at once: the chain verifies, seqs run 1..N, nothing lost or duplicated")
    func fourWriters() throws {
        let cli = try CLISandbox()
        let binary = try CLISandbox.binary()
        try cli.makeDesk()
        let first = try cli.add("Commented by worker 0")
        let second = try cli.add("Commented by worker 1")
        let base = 5, perWorker = 25

        // Each worker is a shell running 25 `vigil` commands one after another; the four run side by side.
        func script(_ worker: Int) -> String {
            let command = switch worker {
            case 0: "comment \(first) \"w0 c$i\""
            case 1: "comment \(second) \"w1 c$i\""
            default: "add --title \"w\(worker) r$i\" --country NP --acts threat"
            }
            return "set -e; i=1; while [ $i -le \(perWorker) ]; do \"$VIGIL\" \(command) >/dev/null; i=$((i + 1)); done"
        }
        let workers = try (0..<4).map { worker -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script(worker)]
            process.environment = cli.environment(user: "ana", extra: ["VIGIL": binary])
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        let finished = poll(timeout: 60) { workers.allSatisfy { !$0.isRunning } }
        if !finished { for worker in workers where worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }
        #expect(finished, "the workers did not finish within 60 s")
        for (index, worker) in workers.enumerated() {
            worker.waitUntilExit()
            #expect(worker.terminationStatus == 0, "worker \(index) failed")
        }

        let total = base + 4 * perWorker
        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["ok"] as? Bool == true)
        #expect(verify["events"] as? Int == total)
        #expect(verify["reports"] as? Int == 2 + 2 * perWorker)

        // Every report's history, plus the three roster events, covers 1..N exactly once.
        let reports = try #require(try cli.json(["list", "--json", "--sort", "id"], user: "ana") as? [[String: Any]])
        let ids = reports.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == 2 + 2 * perWorker)
        let titles = reports.compactMap { $0["title"] as? String }
        for worker in 2...3 {
            #expect(titles.filter { $0.hasPrefix("w\(worker) ") }.sorted()
                    == (1...perWorker).map { "w\(worker) r\($0)" }.sorted())
        }
        var seqs: [Int] = [1, 2, 3]
        for id in ids {
            let shown = try #require(try cli.json(["show", id, "--json"], user: "ana") as? [String: Any])
            let history = try #require(shown["history"] as? [[String: Any]])
            seqs += history.compactMap { $0["seq"] as? Int }
            if id == first || id == second {
                let worker = id == first ? 0 : 1
                let comments = try #require(shown["comments"] as? [[String: Any]])
                // One worker's comments arrive in the order it sent them.
                #expect(comments.compactMap { $0["text"] as? String } == (1...perWorker).map { "w\(worker) c\($0)" })
            }
        }
        #expect(seqs.sorted() == Array(1...total))
    }
}
