import Crypto
import CryptoExtras
import Foundation

/// One row of the `keys` table: a user's secrets, wrapped under a key derived from their passphrase with scrypt
/// (random salt, stored parameters) and AES-256-GCM with the user name as associated data, so a row renamed to
/// another user does not open; or, in a plain store, in clear (`kdf` = none).
struct KeyRow: Sendable, Equatable {
    var user: String
    /// nil for a plain store's row.
    var scrypt: Scrypt?
    /// The wrapped (or, plain, the serialized) secrets.
    var secrets: Data

    /// The key derivation of a sealed row.
    struct Scrypt: Sendable, Equatable {
        var salt: Data
        var parameters: ScryptParameters
    }

    static let saltByteCount = 32

    /// A plain store's row: the secrets as they are.
    static func plain(_ secrets: UserSecrets, for user: String) -> KeyRow {
        KeyRow(user: user, scrypt: nil, secrets: secrets.serialized)
    }

    /// Wraps `secrets` for `user` under a key derived from `passphrase` with the standard parameters.
    static func wrap(_ secrets: UserSecrets, for user: String, passphrase: Passphrase) throws -> KeyRow {
        let salt = Data((0..<saltByteCount).map { _ in UInt8.random(in: 0...255) })
        let parameters = ScryptParameters.standard
        let wrapping = try derive(passphrase, salt: salt, parameters: parameters)
        let box = try AES.GCM.seal(secrets.serialized, using: wrapping, authenticating: associatedData(user))
        guard let combined = box.combined else { throw SealingFailure.cannotSeal }
        return KeyRow(user: user, scrypt: Scrypt(salt: salt, parameters: parameters), secrets: combined)
    }

    /// The secrets, or nil when `passphrase` is not this user's (or the row was altered): the caller turns that
    /// into the one generic message.
    func unwrap(_ passphrase: Passphrase) throws -> UserSecrets? {
        guard let scrypt else { return nil }
        let wrapping = try Self.derive(passphrase, salt: scrypt.salt, parameters: scrypt.parameters)
        guard let box = try? AES.GCM.SealedBox(combined: secrets),
              let opened = try? AES.GCM.open(box, using: wrapping, authenticating: Self.associatedData(user)) else { return nil }
        return UserSecrets(serialized: opened)
    }

    /// A plain row's secrets; nil for a sealed row or unreadable bytes.
    var plainSecrets: UserSecrets? { scrypt == nil ? UserSecrets(serialized: secrets) : nil }

    private static func associatedData(_ user: String) -> Data { Data("vigil-user-secrets-v1|\(user)".utf8) }

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
