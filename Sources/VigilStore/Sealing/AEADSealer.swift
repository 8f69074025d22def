import Crypto
import Foundation

/// Seals every payload and snapshot with AES-256-GCM under the store's data key of the current epoch. A sealed
/// record starts with its epoch (4 bytes, big-endian), which is authenticated with the associated data (an
/// event's seq and report id, or "snapshot"), so a record copied to another place in the log does not open
/// there. Removing a user starts a new epoch, whose key is wrapped only to the users who remain. Each seal draws
/// a fresh random 96-bit nonce.
///
/// It also holds what the opening user unlocked with their passphrase: their signing key and the agreement key
/// that unwraps new epochs' keys as other processes make them.
public final class AEADSealer: PayloadSealer, @unchecked Sendable {
    /// The scheme name recorded in the meta table of a store sealed this way.
    public static let scheme = "aes-gcm-256-v1"

    public var scheme: String { Self.scheme }

    /// The user whose secrets these are.
    let holder: String
    let secrets: UserSecrets
    /// Keeps core dumps off for as long as keys are in this process.
    private let coreDumps: CoreDumpGuard
    /// Guards `keys` and `current`: one store may be read on another thread than it is written on.
    private let lock = NSLock()
    private var keys: [UInt32: SymmetricKey]
    private var current: UInt32

    init(holder: String, secrets: UserSecrets, epochs: [UInt32: SymmetricKey], coreDumps: CoreDumpGuard) {
        self.holder = holder
        self.secrets = secrets
        self.keys = epochs
        self.current = epochs.keys.max() ?? 0
        self.coreDumps = coreDumps
    }

    /// The epoch new records are sealed under.
    var currentEpoch: UInt32 { lock.withLock { current } }

    /// The epochs whose keys this process holds, with the keys: what a new user is given.
    var epochKeys: [UInt32: SymmetricKey] { lock.withLock { keys } }

    /// Holds `key` for `epoch`; new records are sealed under the newest epoch held.
    func install(_ key: SymmetricKey, epoch: UInt32) {
        lock.withLock {
            keys[epoch] = key
            current = max(current, epoch)
        }
    }

    /// Forgets an epoch installed by a write that did not commit.
    func forget(epoch: UInt32) {
        lock.withLock {
            keys[epoch] = nil
            current = keys.keys.max() ?? 0
        }
    }

    func holds(epoch: UInt32) -> Bool { lock.withLock { keys[epoch] != nil } }

    public func seal(_ plaintext: Data, associatedData: Data) throws -> Data {
        let (epoch, key) = try lock.withLock { () throws -> (UInt32, SymmetricKey) in
            guard let key = keys[current] else { throw SealingFailure.cannotSeal }
            return (current, key)
        }
        let prefix = Self.prefix(epoch)
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: prefix + associatedData)
        // `combined` is nil only for nonces of a non-standard size; ours are always 12 bytes.
        guard let combined = box.combined else { throw SealingFailure.cannotSeal }
        return prefix + combined
    }

    public func open(_ sealed: Data, associatedData: Data) throws -> Data {
        guard let epoch = Self.epoch(of: sealed) else { throw SealingFailure.doesNotOpen }
        guard let key = lock.withLock({ keys[epoch] }) else { throw SealingFailure.unknownEpoch(epoch) }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst(4))
            return try AES.GCM.open(box, using: key, authenticating: Self.prefix(epoch) + associatedData)
        } catch {
            throw SealingFailure.doesNotOpen
        }
    }

    /// The epoch a sealed record names, nil when it is too short to name one.
    static func epoch(of sealed: Data) -> UInt32? {
        guard sealed.count >= 4 else { return nil }
        return sealed.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    private static func prefix(_ epoch: UInt32) -> Data {
        withUnsafeBytes(of: epoch.bigEndian) { Data($0) }
    }
}

/// Why a sealed record could not be sealed or opened; worded for the store's damage messages.
enum SealingFailure: Error, Equatable, CustomStringConvertible {
    case cannotSeal
    case doesNotOpen
    /// Sealed under an epoch whose key this user was never given.
    case unknownEpoch(UInt32)

    var description: String {
        switch self {
        case .cannotSeal: "it could not be sealed"
        case .doesNotOpen: "it does not open under the store's key here (altered, or moved from another place in the log)"
        case .unknownEpoch(let epoch): "it is sealed under key epoch \(epoch), which this user does not hold"
        }
    }
}
