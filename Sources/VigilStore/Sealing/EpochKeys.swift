import Crypto
import Foundation
import GRDB

/// The `epoch_keys` table of a sealed store: each epoch's data key wrapped to each user who may read it, with
/// HPKE (X25519, HKDF-SHA256, ChaCha20-Poly1305) to the agreement key the roster lists for them. Anyone holding
/// an epoch's key can give it to a new user without knowing their passphrase; removing a user starts an epoch
/// whose key is wrapped only to those who remain.
enum EpochKeys {
    private static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    private static let info = Data("vigil-epoch-key-v1".utf8)

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE epoch_keys (
                epoch INTEGER NOT NULL,
                user TEXT NOT NULL,
                encapsulated BLOB NOT NULL,
                wrapped BLOB NOT NULL,
                PRIMARY KEY (epoch, user)
            )
            """)
    }

    /// Wraps `key` of `epoch` to `user`'s agreement key and stores it.
    static func give(_ key: SymmetricKey, epoch: UInt32, to user: String, agreementKey: Data, _ db: Database) throws {
        var sender = try HPKE.Sender(recipientKey: try Curve25519.KeyAgreement.PublicKey(rawRepresentation: agreementKey),
                                     ciphersuite: suite, info: info)
        let wrapped = try key.withUnsafeBytes { try sender.seal($0, authenticating: associatedData(epoch, user)) }
        try db.execute(sql: "INSERT INTO epoch_keys (epoch, user, encapsulated, wrapped) VALUES (?, ?, ?, ?)",
                       arguments: [Int64(epoch), user, sender.encapsulatedKey, wrapped])
    }

    /// Every epoch key wrapped to `user` that `agreement` opens, by epoch. A row that does not open is damage.
    static func unwrap(for user: String, agreement: Curve25519.KeyAgreement.PrivateKey, _ db: Database,
                       path: String) throws -> [UInt32: SymmetricKey] {
        var keys: [UInt32: SymmetricKey] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT epoch, encapsulated, wrapped FROM epoch_keys WHERE user = ?", arguments: [user]) {
            let epoch: Int64 = try row.storeValue("epoch", path: path, seq: nil)
            guard let number = UInt32(exactly: epoch),
                  var recipient = try? HPKE.Recipient(privateKey: agreement, ciphersuite: suite, info: info,
                                                      encapsulatedKey: try row.storeValue("encapsulated", path: path, seq: nil)),
                  let key = try? recipient.open(try row.storeValue("wrapped", path: path, seq: nil) as Data,
                                                authenticating: associatedData(number, user)),
                  key.count == 32 else {
                throw StoreError.damaged(path: path, seq: nil, reason: "the key of epoch \(epoch) for '\(user)' does not open (altered)")
            }
            keys[number] = SymmetricKey(data: key)
        }
        return keys
    }

    /// The newest epoch any user holds: what a writer must seal under.
    static func newest(_ db: Database) throws -> UInt32 {
        UInt32(clamping: try Int64.fetchOne(db, sql: "SELECT MAX(epoch) FROM epoch_keys") ?? 0)
    }

    /// Every epoch key of a removed user goes with them.
    static func delete(_ user: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM epoch_keys WHERE user = ?", arguments: [user])
    }

    private static func associatedData(_ epoch: UInt32, _ user: String) -> Data { Data("\(epoch)|\(user)".utf8) }
}
