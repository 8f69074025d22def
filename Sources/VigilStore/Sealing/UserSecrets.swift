import Crypto
import Foundation
import VigilCore

/// A user's private keys: the Ed25519 key that signs their events and, in a sealed store, the X25519 key that
/// data keys are wrapped to. Kept in the `keys` table wrapped under their passphrase (sealed) or as they are
/// (plain stores, which protect nothing by design).
struct UserSecrets: Sendable {
    let signing: Curve25519.Signing.PrivateKey
    let agreement: Curve25519.KeyAgreement.PrivateKey?

    /// Fresh keys; `sealed` adds the agreement key a sealed store needs.
    static func generate(sealed: Bool) -> UserSecrets {
        UserSecrets(signing: Curve25519.Signing.PrivateKey(),
                    agreement: sealed ? Curve25519.KeyAgreement.PrivateKey() : nil)
    }

    /// What the roster carries for this user.
    var publicKeys: PublicKeys {
        PublicKeys(signing: signing.publicKey.rawRepresentation, sealing: agreement?.publicKey.rawRepresentation)
    }

    /// Signing key (32 bytes), then the agreement key (32 bytes) if there is one.
    var serialized: Data {
        signing.rawRepresentation + (agreement?.rawRepresentation ?? Data())
    }

    /// Reads `serialized` back; nil for any other length or an invalid key.
    init?(serialized data: Data) {
        guard data.count == 32 || data.count == 64,
              let signing = try? Curve25519.Signing.PrivateKey(rawRepresentation: data.prefix(32)) else { return nil }
        var agreement: Curve25519.KeyAgreement.PrivateKey?
        if data.count == 64 {
            guard let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data.suffix(32)) else { return nil }
            agreement = key
        }
        self.init(signing: signing, agreement: agreement)
    }

    init(signing: Curve25519.Signing.PrivateKey, agreement: Curve25519.KeyAgreement.PrivateKey?) {
        self.signing = signing
        self.agreement = agreement
    }
}
