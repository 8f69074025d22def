import Foundation
import GRDB

/// The `keys` table, in the same SQLite file as the log: one row per user on the roster holding their secrets,
/// wrapped under their passphrase in a sealed store, in clear in a plain one.
enum KeysTable {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE keys (
                user TEXT PRIMARY KEY NOT NULL,
                kdf TEXT NOT NULL,
                salt BLOB,
                scrypt_n INTEGER,
                scrypt_r INTEGER,
                scrypt_p INTEGER,
                secrets BLOB NOT NULL
            )
            """)
    }

    static func insert(_ row: KeyRow, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO keys (user, kdf, salt, scrypt_n, scrypt_r, scrypt_p, secrets) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [row.user, row.scrypt == nil ? "none" : "scrypt", row.scrypt?.salt, row.scrypt?.parameters.n,
                        row.scrypt?.parameters.r, row.scrypt?.parameters.p, row.secrets])
    }

    /// Replaces `row.user`'s row (a new passphrase).
    static func replace(_ row: KeyRow, _ db: Database) throws {
        try delete(row.user, db)
        try insert(row, db)
    }

    static func delete(_ user: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM keys WHERE user = ?", arguments: [user])
    }

    /// The row for `user`, nil if there is none. A row that cannot be read is damage, naming the file.
    static func fetch(_ user: String, _ db: Database, path: String) throws -> KeyRow? {
        guard try db.tableExists("keys") else {
            throw StoreError.damaged(path: path, seq: nil, reason: "the store's keys table is missing")
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM keys WHERE user = ?", arguments: [user]) else { return nil }
        return try read(row, user: user, path: path)
    }

    /// Every row, by user: a plain store's keyring.
    static func all(_ db: Database, path: String) throws -> [KeyRow] {
        guard try db.tableExists("keys") else {
            throw StoreError.damaged(path: path, seq: nil, reason: "the store's keys table is missing")
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM keys ORDER BY user").map { row in
            try read(row, user: try row.storeValue("user", path: path, seq: nil), path: path)
        }
    }

    private static func read(_ row: Row, user: String, path: String) throws -> KeyRow {
        let kdf: String = try row.storeValue("kdf", path: path, seq: nil)
        let secrets: Data = try row.storeValue("secrets", path: path, seq: nil)
        switch kdf {
        case "none":
            return KeyRow(user: user, scrypt: nil, secrets: secrets)
        case "scrypt":
            let parameters = ScryptParameters(n: try row.storeValue("scrypt_n", path: path, seq: nil),
                                              r: try row.storeValue("scrypt_r", path: path, seq: nil),
                                              p: try row.storeValue("scrypt_p", path: path, seq: nil))
            return KeyRow(user: user, scrypt: KeyRow.Scrypt(salt: try row.storeValue("salt", path: path, seq: nil), parameters: parameters),
                          secrets: secrets)
        default:
            throw StoreError.damaged(path: path, seq: nil, reason: "the key of '\(user)' names the unknown key derivation '\(kdf)'")
        }
    }

    /// The users who hold a key, by name.
    static func users(_ db: Database) throws -> [String] {
        guard try db.tableExists("keys") else { return [] }
        return try String.fetchAll(db, sql: "SELECT user FROM keys ORDER BY user")
    }
}
