import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

/// Appends an event to a closed store file the way someone with the file and some key would: sealed with
/// `sealer`, hash-chained to the last event, and signed with the key `signer` holds in `keyring`. What it makes
/// is as valid as a forger can make it; only a signature, a permission or an epoch check can catch it.
struct Forger {
    let path: String
    let sealer: any PayloadSealer
    let keyring: Keyring

    /// Appends `body` about `reportID` claimed by `actor`, signed by `signer`'s key; returns its seq.
    @discardableResult
    func append(_ body: EventBody, reportID: String?, actor: String, signedBy signer: String, at time: Date) throws -> Int64 {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.write { db in
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
            let seq: Int64 = (last?["seq"] ?? 0) + 1
            let previous: Data = last?["hash"] ?? EventHash.genesis
            let payload = try sealer.seal(try body.payload(), associatedData: StoredEvent.associatedData(seq: seq, reportID: reportID))
            var stored = StoredEvent(seq: seq, reportID: reportID, actor: actor, timeMillis: Int64(time.timeIntervalSince1970 * 1000),
                                     kind: body.kind, payload: payload, prevHash: previous)
            let key = try #require(keyring.key(for: signer), "the forger holds no key for \(signer)")
            stored.signature = try EventSignature.sign(hash: stored.hash, with: key)
            try stored.insert(db)
            // The snapshots would notice a longer log first; a forger drops them.
            try db.execute(sql: "DELETE FROM snapshots")
            return seq
        }
    }
}
