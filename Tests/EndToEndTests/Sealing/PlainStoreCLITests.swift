import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain stores exist for demos and tests only, and say so: one warning line on standard error for every
/// command, standard output left clean for scripts.
@Suite("Sealing: plain stores warn, sealed ones are the default")
struct PlainStoreCLITests {
    @Test("every command on a plain store prints one warning line on standard error; standard output stays clean")
    func warning() throws {
        let cli = try CLISandbox()
        let warning = "warning: \(cli.store) is not sealed: anyone who can read the file can read the reports\n"
        let created = try cli.run(["init", "--insecure-plain"])
        #expect(created.stdout == "created \(cli.store) with admin admin\n")
        #expect(created.rawStderr == warning)
        try cli.ok(["user", "add", "ana", "--role", "officer"])
        let id = try cli.add("Threat")
        for arguments in [["list", "--json"], ["show", id, "--json"], ["verify", "--json"], ["stats", "--json"]] {
            let result = try cli.run(arguments, user: "ana")
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.rawStderr == warning, "\(arguments): \(result)")
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(arguments): \(result)")
        }
        // Alongside an error the warning is still one line, and the error follows it.
        let refused = try cli.run(["decide", id, "approve", "--note", "x"], user: "ana")
        #expect(refused.status == 1)
        #expect(refused.rawStderr.hasPrefix(warning))
        #expect(refused.rawStderr.components(separatedBy: "is not sealed").count == 2)
    }

    @Test("vigil demo stays plain and says so on start")
    func demo() throws {
        let cli = try CLISandbox()
        let result = try cli.run(["demo", "--no-console", "--reports", "5", "--store", "demo.vigil"])
        #expect(result.status == 0, "\(result)")
        #expect(result.rawStderr == "warning: \(cli.folder)/demo.vigil is not sealed: anyone who can read the file can read the reports "
                + "(a demo of fictional reports: never keep real cases in it)\n")
        #expect(result.stdout.hasPrefix("created \(cli.folder)/demo.vigil with 5 reports\n"))
    }

    @Test("vigil demo refuses to reuse a sealed store")
    func demoOnSealed() throws {
        let sealed = try SealedCLI()
        try sealed.ok(["init"], as: "admin")
        let result = try sealed.cli.run(["demo", "--no-console", "--store", sealed.store])
        #expect(result.status == 1)
        #expect(result.rawStderr == "vigil: \(sealed.store) is a sealed store, not a demo; give the demo its own --store\n")
    }

    @Test("init seals by default: without a terminal or VIGIL_PASSPHRASE_FILE it refuses and creates nothing")
    func sealedByDefault() throws {
        // Where the tests themselves run in a terminal, the child could ask on it: nothing to check there.
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        if tty >= 0 { close(tty); return }
        let cli = try CLISandbox()
        let result = try cli.run(["init"])
        #expect(result.status == 1)
        #expect(result.rawStderr == "vigil: no terminal to ask for the passphrase on; scripts set VIGIL_PASSPHRASE_FILE to a private file holding it\n")
        #expect(!FileManager.default.fileExists(atPath: cli.store))

        let short = cli.folder + "/short"
        _ = FileManager.default.createFile(atPath: short, contents: Data("seven77\n".utf8), attributes: [.posixPermissions: 0o600])
        let weak = try cli.run(["init"], extra: ["VIGIL_PASSPHRASE_FILE": short])
        #expect(weak.status == 1)
        #expect(weak.rawStderr.contains("too short"))
        #expect(!FileManager.default.fileExists(atPath: cli.store))
    }
}
