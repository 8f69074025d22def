import Foundation
import Testing
import VigilCore
@testable import VigilStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Passphrases and a sealed desk for the sealing tests. Each derivation costs about a second in a debug build
/// (scrypt N = 2^17 cannot be lowered: the store refuses it), so tests open as few times as they can.
enum SealedFixture {
    static let adminPassphrase = "correct horse battery staple"
    static let anaPassphrase = "ana's own long passphrase"
    static let samPassphrase = "sam supervises with this"

    /// A sealed store with the admin `admin`, the officer `ana` and the supervisor `sam`, each with keys under
    /// their own passphrase. The returned store (the process that added them) may sign as all three.
    static func desk(_ sandbox: StoreSandbox, _ name: String = "desk.vigil") throws -> SQLiteStore {
        let store = try SQLiteStore.create(at: sandbox.path(name), admin: "admin", passphrase: Passphrase(adminPassphrase), now: sandbox.now())
        try store.addUser(User(name: "ana", role: .officer), passphrase: Passphrase(anaPassphrase), as: "admin", now: sandbox.now())
        try store.addUser(User(name: "sam", role: .supervisor), passphrase: Passphrase(samPassphrase), as: "admin", now: sandbox.now())
        return store
    }

    /// Copies a closed sealed desk (as `desk`, made once per test process) to `sandbox.path()`, for tests that
    /// only need a sealed file to open or damage: the derivations are paid once, not per test.
    static func copyDesk(into sandbox: StoreSandbox) throws {
        let template = try templateDesk.get()
        try FileManager.default.copyItem(atPath: template.path, toPath: sandbox.path())
    }

    /// The admin's sealer for a copied desk (one derivation), for `open` and `verify`.
    static func adminSealer(_ sandbox: StoreSandbox) throws -> AEADSealer {
        try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(adminPassphrase))
    }

    /// A copied desk opened as admin and, for tests that act as several users, holding all three signing keys as
    /// the template's maker did (a test's shortcut for three consoles each unlocked by its own user).
    static func openCopy(_ sandbox: StoreSandbox, sealer: AEADSealer) throws -> SQLiteStore {
        let store = try SQLiteStore.open(at: sandbox.path(), sealer: sealer)
        store.keyring = try templateDesk.get().keyring
        return store
    }

    private static let templateDesk = Result<(path: String, keyring: Keyring), any Error> {
        let sandbox = try StoreSandbox()
        let store = try desk(sandbox)
        // Folded into the main file, so the file alone is the whole store.
        try store.checkpoint()
        let copy = templateFolder + "/desk.vigil"
        try FileManager.default.createDirectory(atPath: templateFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.path(), toPath: copy)
        atexit { try? FileManager.default.removeItem(atPath: templateFolder) }
        return (copy, store.keyring)
    }

    /// RLIMIT_CORE's soft limit for this process.
    static var coreDumpSoftLimit: UInt64 {
        var limit = rlimit()
        #if canImport(Glibc)
        getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit)
        #else
        getrlimit(RLIMIT_CORE, &limit)
        #endif
        return UInt64(limit.rlim_cur)
    }
}

/// Where the template desk lives for the test process; removed at exit.
private let templateFolder = NSTemporaryDirectory() + "vigil-sealed-template-\(getpid())"

/// Looks for canary strings as raw bytes in every file under a folder.
enum CanaryScan {
    /// "file: canary" for each canary found in each regular file under `folder` (recursively).
    static func hits(_ canaries: [String], under folder: String) throws -> [String] {
        var found: [String] = []
        for file in try files(under: folder) {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            for canary in canaries where contains(data, canary) { found.append("\(file): \(canary)") }
        }
        return found
    }

    /// The regular files under `folder`, relative to it.
    static func files(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    static func contains(_ data: Data, _ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        return data.withUnsafeBytes { haystack in
            bytes.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return false }
                // memchr to each candidate first byte, memcmp the rest (memmem is not in Swift's Glibc module).
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
