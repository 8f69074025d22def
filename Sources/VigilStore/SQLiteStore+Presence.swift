import Foundation
import GRDB

/// Presence: which report each user has open. Kept in a table beside the log, never in it: it is not a change to
/// any report, and it is forgotten as soon as it is stale.
extension SQLiteStore {
    /// Records that `user` is looking at `reportID` (nil: at nothing, e.g. on quitting).
    public func announce(user: String, viewing reportID: String?, now: Date) throws {
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        do {
            try database.write { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS presence (user TEXT PRIMARY KEY NOT NULL, report_id TEXT, seen_ms INTEGER NOT NULL)")
                if let reportID {
                    try db.execute(sql: """
                        INSERT INTO presence (user, report_id, seen_ms) VALUES (?, ?, ?)
                        ON CONFLICT(user) DO UPDATE SET report_id = excluded.report_id, seen_ms = excluded.seen_ms
                        """, arguments: [user, reportID, millis])
                } else {
                    try db.execute(sql: "DELETE FROM presence WHERE user = ?", arguments: [user])
                }
                // Stale rows go, so the table never says more than "who is here now".
                try db.execute(sql: "DELETE FROM presence WHERE seen_ms < ?", arguments: [millis - 60_000])
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    /// Report id -> the users seen looking at it within the last `within` seconds.
    public func viewers(now: Date, within: TimeInterval = 10) throws -> [String: [String]] {
        let since = Int64(((now.timeIntervalSince1970 - within) * 1000).rounded())
        do {
            return try database.read { db in
                guard try db.tableExists("presence") else { return [:] }
                var viewers: [String: [String]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT user, report_id FROM presence WHERE seen_ms >= ? AND report_id IS NOT NULL ORDER BY user",
                                            arguments: [since]) {
                    guard let user = row["user"] as String?, let report = row["report_id"] as String? else { continue }
                    viewers[report, default: []].append(user)
                }
                return viewers
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }
}
