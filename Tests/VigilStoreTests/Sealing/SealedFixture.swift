import Foundation
import Testing
import VigilCore
import VigilStore

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

    /// A sealed store with the admin `admin` (holding a key) and, without keys, the officer `ana` and the
    /// supervisor `sam`: enough roster for the workflow, one derivation.
    static func desk(_ sandbox: StoreSandbox, _ name: String = "desk.vigil") throws -> SQLiteStore {
        let store = try SQLiteStore.create(at: sandbox.path(name), admin: "admin", passphrase: Passphrase(adminPassphrase), now: sandbox.now())
        try store.perform(.addUser(User(name: "ana", role: .officer)), as: "admin", now: sandbox.now())
        try store.perform(.addUser(User(name: "sam", role: .supervisor)), as: "admin", now: sandbox.now())
        return store
    }

    /// Copies a closed sealed desk (as `desk`, made once per test process) to `sandbox.path()`, for tests that
    /// only need a sealed file to open or damage: the one derivation is paid once, not per test.
    static func copyDesk(into sandbox: StoreSandbox) throws {
        let template = try templateDesk.get()
        try FileManager.default.copyItem(atPath: template, toPath: sandbox.path())
    }

    private static let templateDesk = Result<String, any Error> {
        let sandbox = try StoreSandbox()
        // Folded into the main file, so the file alone is the whole store.
        try desk(sandbox).checkpoint()
        let copy = templateFolder + "/desk.vigil"
        try FileManager.default.createDirectory(atPath: templateFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.path(), toPath: copy)
        atexit { try? FileManager.default.removeItem(atPath: templateFolder) }
        return copy
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
