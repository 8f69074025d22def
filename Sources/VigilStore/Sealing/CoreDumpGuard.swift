import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns core dumps off (RLIMIT_CORE soft limit 0) while at least one guard lives, and restores the previous
/// limit when the last one goes: a crash while a store's data key or decrypted reports are in memory must not
/// write them to a core file. Only the soft limit is lowered, so it can be restored without privilege.
final class CoreDumpGuard: Sendable {
    init() { CoreDumpLimit.shared.acquire() }
    deinit { CoreDumpLimit.shared.release() }
}

/// The process-wide count of guards and the limit to restore; guarded by a lock because stores may be opened and
/// dropped on any thread.
private final class CoreDumpLimit: @unchecked Sendable {
    static let shared = CoreDumpLimit()

    private let lock = NSLock()
    private var holders = 0
    private var saved = rlimit()

    func acquire() {
        lock.lock()
        defer { lock.unlock() }
        holders += 1
        guard holders == 1 else { return }
        var current = rlimit()
        getrlimit(Self.resource, &current)
        saved = current
        var off = current
        off.rlim_cur = 0
        setrlimit(Self.resource, &off)
    }

    func release() {
        lock.lock()
        defer { lock.unlock() }
        holders -= 1
        guard holders == 0 else { return }
        var restore = saved
        setrlimit(Self.resource, &restore)
    }

    #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_CORE.rawValue)
    #else
    private static let resource = RLIMIT_CORE
    #endif
}
