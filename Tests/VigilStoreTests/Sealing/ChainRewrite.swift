import Foundation
import GRDB
@testable import VigilStore

/// What a forger with write access to the file can do to the hash chain, which is unkeyed.
enum ChainRewrite {
    /// Recomputes prev_hash and hash of every event from `seq` on, as a forger with write access to the file would:
    /// the chain is unkeyed, so after this only the seal (and a signature, where there is one) can tell.
    static func relink(from seq: Int64, _ db: Database, path: String) throws {
        var previous = try Data.fetchOne(db, sql: "SELECT hash FROM events WHERE seq < ? ORDER BY seq DESC LIMIT 1", arguments: [seq])
            ?? EventHash.genesis
        for row in try Row.fetchAll(db, sql: "SELECT \(StoredEvent.selectColumns) FROM events WHERE seq >= ? ORDER BY seq", arguments: [seq]) {
            // The product's own hashing of the product's own row, so a field added to the hash is rehashed too.
            var event = try StoredEvent(row: row, path: path)
            event.prevHash = previous
            event.hash = event.recomputedHash
            try db.execute(sql: "UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [event.prevHash, event.hash, event.seq])
            previous = event.hash
        }
    }
}
