import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `CLISandbox` whose store is sealed and lives alone in `vault/` (so a scan of that folder sees only the
/// store's own files), with a private passphrase file per user. Every command run through it reads the acting
/// user's passphrase from `VIGIL_PASSPHRASE_FILE`; each costs one scrypt derivation (about a second in a debug
/// build), so tests batch their work.
final class SealedCLI {
    let cli: CLISandbox
    let vault: String
    let store: String
    static let passphrases = ["admin": "admin: a long sealed passphrase", "ana": "ana keeps her own words",
                              "sam": "sam's supervisor passphrase"]

    init() throws {
        cli = try CLISandbox()
        vault = cli.folder + "/vault"
        store = vault + "/desk.vigil"
        for (user, passphrase) in Self.passphrases {
            // A trailing newline, as `echo` would write it: one is dropped.
            _ = FileManager.default.createFile(atPath: passphraseFile(user), contents: Data((passphrase + "\n").utf8),
                                               attributes: [.posixPermissions: 0o600])
        }
    }

    func passphraseFile(_ user: String) -> String { cli.folder + "/passphrase-" + user }

    /// The environment for `user`: this store, their passphrase file, and `newUser`'s for a `user add`.
    func extra(_ user: String, passphraseOf owner: String? = nil, newUser: String? = nil) -> [String: String] {
        var extra = ["VIGIL_STORE": store, "VIGIL_PASSPHRASE_FILE": passphraseFile(owner ?? user)]
        if let newUser { extra["VIGIL_NEW_PASSPHRASE_FILE"] = passphraseFile(newUser) }
        return extra
    }

    @discardableResult
    func run(_ arguments: [String], as user: String, passphraseOf owner: String? = nil, newUser: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> CLISandbox.Result {
        try cli.run(arguments, user: user, extra: extra(user, passphraseOf: owner, newUser: newUser), sourceLocation: sourceLocation)
    }

    /// Runs and requires exit 0 with nothing on standard error; returns standard output.
    @discardableResult
    func ok(_ arguments: [String], as user: String, newUser: String? = nil,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, as: user, newUser: newUser, sourceLocation: sourceLocation)
        guard result.status == 0 else {
            Issue.record("vigil \(arguments.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
            throw CLITestError.failed(result.status)
        }
        #expect(result.rawStderr.isEmpty, "a sealed store printed on standard error: \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    func json(_ arguments: [String], as user: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments, as: user, sourceLocation: sourceLocation).utf8))
    }

    /// `vigil init` as admin, then `ana` (officer) and `sam` (supervisor) added with their own passphrases.
    func makeDesk(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let created = try ok(["init", "--admin", "admin"], as: "admin", sourceLocation: sourceLocation)
        #expect(created == "created \(store) with admin admin\nsealed (aes-gcm-256-v1); `vigil user add` gives each user a key under their own passphrase\n",
                sourceLocation: sourceLocation)
        #expect(try ok(["user", "add", "ana", "--role", "officer"], as: "admin", newUser: "ana", sourceLocation: sourceLocation)
                == "added ana as officer\n", sourceLocation: sourceLocation)
        #expect(try ok(["user", "add", "sam", "--role", "supervisor"], as: "admin", newUser: "sam", sourceLocation: sourceLocation)
                == "added sam as supervisor\n", sourceLocation: sourceLocation)
    }
}

/// Raw-byte search for canaries in every regular file under a folder.
enum CanarySearch {
    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { relative in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// "file: canary" for every canary found.
    static func hits(_ canaries: [String], under folder: String) throws -> [String] {
        var found: [String] = []
        for file in files(under: folder) {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            for canary in canaries where contains(data, Array(canary.utf8)) { found.append("\(file): \(canary)") }
        }
        return found
    }

    /// Whether `needle` occurs in `data` as raw bytes.
    static func contains(_ data: Data, _ needle: [UInt8]) -> Bool {
        data.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return false }
                var offset = 0
                let last = haystack.count - needle.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
