import Foundation
import GRDB

/// Connecting to a store's file: what kind of file it is, the connection settings every store uses, and how
/// SQLite's errors are told apart (damage, or a database that cannot be used).
extension SQLiteStore {
    /// Connects to a file that must already be there and be SQLite (connecting would otherwise create it).
    static func connectExisting(_ path: String) throws -> DatabaseQueue {
        guard StoreFiles.exists(path) else { throw StoreError.notFound(path: path) }
        guard StoreFiles.hasSQLiteHeader(path) else {
            throw StoreError.notAStore(path: path, reason: StoreFiles.size(path) == 0 ? "the file is empty" : "not an SQLite database")
        }
        return try connect(path)
    }

    static func connect(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // journal_mode is set by `useWAL`, once the file is known to be a Vigil store: refusing a file that
            // is not one must leave it as it was.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path, reason: "not an SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, seq: nil, reason: error.message ?? "the database file is malformed")
        } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }

    /// Puts the store in WAL mode (recorded in the file, so a no-op for every open after the first).
    static func useWAL(_ database: DatabaseQueue, path: String) throws {
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
    }

    /// Checks what the file is (a Vigil store of a format this build reads) and returns its sealing scheme.
    static func readScheme(_ database: DatabaseQueue, path: String) throws -> String {
        let meta: [String: String]
        do {
            meta = try database.read { db in
                guard try db.tableExists("meta") else { return [:] }
                // Read as optionals: a foreign `meta` table may hold NULLs, which must not stop the process.
                let pairs = try Row.fetchAll(db, sql: "SELECT key, value FROM meta").compactMap { row -> (String, String)? in
                    guard let key = try? row.decode(String?.self, atIndex: 0), let value = try? row.decode(String?.self, atIndex: 1) else { return nil }
                    return (key, value)
                }
                return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            }
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
        guard meta["format"] == Schema.format else {
            throw StoreError.notAStore(path: path, reason: "an SQLite database without Vigil's meta table")
        }
        guard let version = meta["version"].flatMap(Int.init) else {
            throw StoreError.damaged(path: path, seq: nil, reason: "the store format version is missing")
        }
        if version > Schema.version { throw StoreError.newerFormat(path: path, found: version, supported: Schema.version) }
        if version < Schema.version { throw StoreError.olderFormat(path: path, found: version, supported: Schema.version) }
        return meta["sealing"] ?? "?"
    }

    static func classify(_ error: DatabaseError, path: String, seq: Int64?) -> StoreError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            return .damaged(path: path, seq: seq, reason: error.message ?? "the database file is malformed")
        default:
            return .database(path: path, reason: error.message ?? "\(error)")
        }
    }
}
