import Foundation
import GRDB
import VigilCore

/// What `vigil verify` found in a store whose log is whole.
public struct VerifyReport: Sendable {
    public let events: Int64
    public let reports: Int
    public let snapshots: Int
    /// Hex of the hash of the last event: the value to write down to notice later rewrites.
    public let headHash: String
}

extension SQLiteStore {
    /// Walks the whole chain from the first event: consecutive seqs, every previous-hash and hash, every payload,
    /// a fold from scratch, and every snapshot against the log. Throws `StoreError.damaged` naming the first bad seq.
    public static func verify(at path: String, sealer: any PayloadSealer = PlainSealer(),
                              vocabularies: Vocabularies = .standard) throws -> VerifyReport {
        let store = try open(at: path, sealer: sealer, vocabularies: vocabularies)
        return try store.verifyChain()
    }

    func verifyChain() throws -> VerifyReport {
        var fold = DeskState(vocabularies: state.vocabularies)
        var previous = EventHash.genesis
        var count: Int64 = 0
        var hashes: [Int64: Data] = [:]
        var snapshotCount = 0
        do {
            try database.read { db in
                let snapshotSeqs = try Int64.fetchAll(db, sql: "SELECT seq FROM snapshots")
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.selectColumns) FROM events ORDER BY seq")
                while let row = try cursor.next() {
                    let stored = StoredEvent(row: row)
                    guard stored.seq == count + 1 else {
                        throw StoreError.damaged(path: path, seq: count + 1, reason: "event \(count + 1) is missing (the next one is \(stored.seq))")
                    }
                    let event = try decodeChecked(stored, previousHash: previous)
                    do {
                        try fold.apply(event)
                    } catch {
                        throw StoreError.damaged(path: path, seq: stored.seq, reason: (error as? FoldError)?.problem ?? "\(error)")
                    }
                    previous = stored.hash
                    count = stored.seq
                    if snapshotSeqs.contains(stored.seq) { hashes[stored.seq] = stored.hash }
                }
                for row in try Row.fetchAll(db, sql: "SELECT seq, chain_hash, digest, payload FROM snapshots") {
                    let seq: Int64 = row["seq"]
                    let chain: Data = row["chain_hash"]
                    guard hashes[seq] == chain else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) does not match the log")
                    }
                    let restored = try SnapshotCodec.decode(row: row, path: path, sealer: sealer, vocabularies: fold.vocabularies)
                    guard restored.head == seq else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) claims another head")
                    }
                    snapshotCount += 1
                }
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: count + 1)
        }
        return VerifyReport(events: count, reports: fold.reports.count, snapshots: snapshotCount,
                            headHash: previous.map { String(format: "%02x", $0) }.joined())
    }
}
