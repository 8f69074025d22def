import Crypto
import CryptoExtras
import Foundation

/// One row of the `keys` table: the store data key wrapped for one user. The wrapping key is derived from the
/// user's passphrase with scrypt (random salt, stored parameters); the wrap is AES-256-GCM with the user name as
/// associated data, so a row renamed to another user does not open.
struct UserKey: Sendable, Equatable {
    var user: String
    var salt: Data
    var parameters: ScryptParameters
    /// AES.GCM combined form: nonce, ciphertext of the 32-byte data key, tag.
    var wrapped: Data

    static let saltByteCount = 32

    /// Wraps `dataKey` for `user` under a key derived from `passphrase` with the standard parameters.
    static func wrap(_ dataKey: SymmetricKey, for user: String, passphrase: Passphrase) throws -> UserKey {
        let salt = Data((0..<saltByteCount).map { _ in UInt8.random(in: 0...255) })
        let parameters = ScryptParameters.standard
        let wrapping = try derive(passphrase, salt: salt, parameters: parameters)
        let box = try dataKey.withUnsafeBytes { try AES.GCM.seal($0, using: wrapping, authenticating: Data(user.utf8)) }
        guard let combined = box.combined else { throw SealingFailure.cannotSeal }
        return UserKey(user: user, salt: salt, parameters: parameters, wrapped: combined)
    }

    /// The data key, or nil when `passphrase` is not this user's (or the row was altered): the caller turns that
    /// into the one generic message.
    func unwrap(_ passphrase: Passphrase) throws -> SymmetricKey? {
        let wrapping = try Self.derive(passphrase, salt: salt, parameters: parameters)
        guard let box = try? AES.GCM.SealedBox(combined: wrapped),
              let key = try? AES.GCM.open(box, using: wrapping, authenticating: Data(user.utf8)),
              key.count == 32 else { return nil }
        return SymmetricKey(data: key)
    }

    /// scrypt over the passphrase. An empty passphrase is derived as one zero byte (BoringSSL needs a buffer);
    /// it never matches, because empty passphrases are refused when keys are made.
    static func derive(_ passphrase: Passphrase, salt: Data, parameters: ScryptParameters) throws -> SymmetricKey {
        try passphrase.withBytes { bytes in
            bytes.isEmpty ? try scrypt([0], salt: salt, parameters: parameters) : try scrypt(bytes, salt: salt, parameters: parameters)
        }
    }

    private static func scrypt(_ bytes: some DataProtocol, salt: Data, parameters: ScryptParameters) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: 32, rounds: parameters.n,
                                 blockSize: parameters.r, parallelism: parameters.p)
    }
}
