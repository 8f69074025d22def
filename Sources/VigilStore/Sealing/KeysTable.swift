import Foundation
import GRDB

/// The `keys` table of a sealed store, in the same SQLite file as the log: one row per user holding the data key
/// wrapped under that user's passphrase. Plain stores have no such table.
enum KeysTable {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE keys (
                user TEXT PRIMARY KEY NOT NULL,
                kdf TEXT NOT NULL,
                salt BLOB NOT NULL,
                scrypt_n INTEGER NOT NULL,
                scrypt_r INTEGER NOT NULL,
                scrypt_p INTEGER NOT NULL,
                wrapped_key BLOB NOT NULL
            )
            """)
    }

    static func insert(_ key: UserKey, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO keys (user, kdf, salt, scrypt_n, scrypt_r, scrypt_p, wrapped_key) VALUES (?, 'scrypt', ?, ?, ?, ?, ?)",
            arguments: [key.user, key.salt, key.parameters.n, key.parameters.r, key.parameters.p, key.wrapped])
    }

    /// The row for `user`, nil if there is none. A row that cannot be read is damage, naming the file.
    static func fetch(_ user: String, _ db: Database, path: String) throws -> UserKey? {
        guard try db.tableExists("keys") else {
            throw StoreError.damaged(path: path, seq: nil, reason: "the store is sealed but its keys table is missing")
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM keys WHERE user = ?", arguments: [user]) else { return nil }
        let kdf: String = try row.storeValue("kdf", path: path, seq: nil)
        guard kdf == "scrypt" else {
            throw StoreError.damaged(path: path, seq: nil, reason: "the key of '\(user)' names the unknown key derivation '\(kdf)'")
        }
        return UserKey(
            user: user,
            salt: try row.storeValue("salt", path: path, seq: nil),
            parameters: ScryptParameters(n: try row.storeValue("scrypt_n", path: path, seq: nil),
                                         r: try row.storeValue("scrypt_r", path: path, seq: nil),
                                         p: try row.storeValue("scrypt_p", path: path, seq: nil)),
            wrapped: try row.storeValue("wrapped_key", path: path, seq: nil))
    }

    /// The users who hold a key, by name.
    static func users(_ db: Database) throws -> [String] {
        guard try db.tableExists("keys") else { return [] }
        return try String.fetchAll(db, sql: "SELECT user FROM keys ORDER BY user")
    }
}
