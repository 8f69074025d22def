import Crypto
import Foundation

/// Seals every payload and snapshot with AES-256-GCM under the store's random data key. The associated data
/// (an event's seq and report id, or "snapshot") is authenticated with it, so a sealed record copied to another
/// place in the log does not open there. Each seal draws a fresh random 96-bit nonce; a store would need billions
/// of events before nonce reuse became a concern.
public struct AEADSealer: PayloadSealer {
    /// The scheme name recorded in the meta table of a store sealed this way.
    public static let scheme = "aes-gcm-256-v1"

    public var scheme: String { Self.scheme }

    /// The store data key; lives only in memory, never written unwrapped.
    let dataKey: SymmetricKey
    /// Keeps core dumps off for as long as the data key is in this process.
    private let coreDumps: CoreDumpGuard

    init(dataKey: SymmetricKey, coreDumps: CoreDumpGuard) {
        self.dataKey = dataKey
        self.coreDumps = coreDumps
    }

    /// A sealer with a fresh random 256-bit data key, for a new store.
    static func generate() -> AEADSealer {
        AEADSealer(dataKey: SymmetricKey(size: .bits256), coreDumps: CoreDumpGuard())
    }

    public func seal(_ plaintext: Data, associatedData: Data) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: dataKey, authenticating: associatedData)
        // `combined` is nil only for nonces of a non-standard size; ours are always 12 bytes.
        guard let combined = box.combined else { throw SealingFailure.cannotSeal }
        return combined
    }

    public func open(_ sealed: Data, associatedData: Data) throws -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try AES.GCM.open(box, using: dataKey, authenticating: associatedData)
        } catch {
            throw SealingFailure.doesNotOpen
        }
    }
}

/// Why a sealed record could not be sealed or opened; worded for the store's damage messages.
enum SealingFailure: Error, CustomStringConvertible {
    case cannotSeal
    case doesNotOpen

    var description: String {
        switch self {
        case .cannotSeal: "it could not be sealed"
        case .doesNotOpen: "it does not open under the store's key here (altered, or moved from another place in the log)"
        }
    }
}
