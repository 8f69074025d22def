import Foundation

/// The public halves of a user's keys, carried in the roster event that adds them, so the log itself (signed by
/// an admin, hash-chained) says which key speaks for whom. The core only carries the bytes; the store uses them.
public struct PublicKeys: Codable, Sendable, Equatable {
    /// Raw Ed25519 public key (32 bytes): every event the user makes is signed by its private half.
    public var signing: Data
    /// Raw X25519 public key (32 bytes) that data keys are wrapped to in a sealed store; nil in a plain store.
    public var sealing: Data?

    public init(signing: Data, sealing: Data?) {
        self.signing = signing
        self.sealing = sealing
    }
}
