import Foundation
import Testing

@Suite("CLI: the binary alone")
struct CLIStandaloneTests {
    @Test("copied alone to another folder, vigil demo --no-console still runs (resources are compiled in)")
    func copiedBinaryRunsDemo() throws {
        let cli = try CLISandbox()
        let alone = cli.folder + "/alone"
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        let copy = alone + "/vigil"
        try FileManager.default.copyItem(atPath: try CLISandbox.binary(), toPath: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: alone) == ["vigil"])

        let first = try cli.run(["demo", "--no-console", "--reports", "40", "--store", "demo.vigil"], user: nil, binary: copy, in: alone)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("created \(alone)/demo.vigil with 40 reports\n"))
        #expect(first.stdout.contains("users: admin, "))
        #expect(first.stderr.isEmpty)

        let again = try cli.run(["demo", "--no-console", "--store", "demo.vigil"], user: nil, binary: copy, in: alone)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("reusing \(alone)/demo.vigil\n"))
        let verify = try cli.run(["verify", "--store", "demo.vigil"], user: nil, binary: copy, in: alone)
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok: "))
    }
}
