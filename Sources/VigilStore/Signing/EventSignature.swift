import Crypto
import Foundation
import VigilCore

/// Every event is signed by its actor with Ed25519 over its chain hash (which covers seq, report, actor, time,
/// kind, the sealed payload and the previous hash), under a context string so the signature means nothing
/// elsewhere. The hash chain shows the log was not changed; the signature shows who made each event.
enum EventSignature {
    private static let context = Data("vigil-event-signature-v1|".utf8)

    static func sign(hash: Data, with key: Curve25519.Signing.PrivateKey) throws -> Data {
        try key.signature(for: context + hash)
    }

    static func isValid(_ signature: Data, hash: Data, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: context + hash)
    }

    /// Why `stored` (decoded as `event`) is not validly signed by its actor as the roster stood just before it;
    /// nil when it is.
    static func problem(_ stored: StoredEvent, _ event: Event, roster: DeskState) -> String? {
        guard let key = signerKey(event, roster: roster) else { return noKey(event.actor) }
        return isValid(stored.signature, hash: stored.hash, publicKey: key) ? nil : notTheirs(event.actor)
    }

    /// The key `event` must be signed with: its actor's on the roster just before it. The store's first event is
    /// its admin adding themselves, signed by the key it carries.
    static func signerKey(_ event: Event, roster: DeskState) -> Data? {
        if roster.users.isEmpty, case .userAdded(let user) = event.body, user.name == event.actor {
            return user.keys?.signing
        }
        return roster.user(event.actor)?.keys?.signing
    }

    static func noKey(_ actor: String) -> String { "\(actor) has no signing key on the roster, so the event cannot be theirs" }

    static func notTheirs(_ actor: String) -> String { "its signature is not \(actor)'s (altered, or made with another user's key)" }
}
