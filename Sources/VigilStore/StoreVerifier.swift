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
    /// Events whose signature was checked against their actor's key (every event).
    public let signatures: Int64
    /// Data key epochs the log is sealed under (0 for a plain store).
    public let epochs: Int
    /// Hex of the SHA-256 of the founding admin's signing key: a forger who rewrites the whole log from the
    /// first event needs a key of their own, which changes this.
    public let founderKey: String
}

extension SQLiteStore {
    /// Walks the whole chain from the first event: consecutive seqs, every previous-hash and hash, every payload,
    /// every signature against its actor's key, every action against its actor's role and desks, the data key
    /// epochs, a fold from scratch, and every snapshot against the log. Throws `StoreError.damaged` naming the
    /// first bad seq.
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
        /// The fold of the log at each snapshot's seq, to compare the snapshot's contents with.
        var folds: [Int64: DeskSnapshot] = [:]
        var snapshotCount = 0
        var epochs = EpochSequence(sealed: isSealed)
        var founder = Data()
        var signatures = SignatureBatch()
        /// Throws for the lowest bad signature waiting, if there is one.
        func checkSignatures() throws {
            if let bad = signatures.firstInvalid() {
                throw StoreError.damaged(path: path, seq: bad.seq, reason: EventSignature.notTheirs(bad.actor))
            }
        }
        do {
            try database.read { db in
                let snapshotSeqs = Set(try Int64.fetchAll(db, sql: "SELECT seq FROM snapshots"))
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.selectColumns) FROM events WHERE seq >= 1 ORDER BY seq")
                do {
                    while let row = try cursor.next() {
                        let stored = try StoredEvent(row: row, path: path)
                        guard stored.seq == count + 1 else {
                            throw StoreError.damaged(path: path, seq: count + 1, reason: "event \(count + 1) is missing (the next one is \(stored.seq))")
                        }
                        let event = try decodeChecked(stored, previousHash: previous, roster: fold, checksSignature: false)
                        guard let key = EventSignature.signerKey(event, roster: fold) else {
                            throw StoreError.damaged(path: path, seq: stored.seq, reason: EventSignature.noKey(event.actor))
                        }
                        if signatures.add(.init(seq: stored.seq, actor: event.actor, signature: stored.signature, hash: stored.hash, key: key)) {
                            try checkSignatures()
                        }
                        if let problem = epochs.problem(stored, event) {
                            throw StoreError.damaged(path: path, seq: stored.seq, reason: problem)
                        }
                        if stored.seq == 1, case .userAdded(let admin) = event.body { founder = admin.keys?.signing ?? Data() }
                        // The chain proves the log was not changed; this proves each change was allowed when made.
                        if let problem = EventAuthorization.problem(event, before: fold) {
                            throw StoreError.damaged(path: path, seq: stored.seq, reason: "not allowed: \(problem)")
                        }
                        do {
                            try fold.apply(event)
                        } catch {
                            throw StoreError.damaged(path: path, seq: stored.seq, reason: (error as? FoldError)?.problem ?? "\(error)")
                        }
                        previous = stored.hash
                        count = stored.seq
                        if snapshotSeqs.contains(stored.seq) {
                            hashes[stored.seq] = stored.hash
                            folds[stored.seq] = fold.snapshot()
                        }
                    }
                    try checkSignatures()
                } catch {
                    // Damage found further on is named only if no waiting signature before it is bad.
                    try checkSignatures()
                    throw error
                }
                // After the walk, so a gap in the log is named before a row moved out of it.
                try checkBounds(db, head: count)
                for row in try Row.fetchAll(db, sql: "SELECT seq, chain_hash, digest, payload FROM snapshots") {
                    let seq: Int64 = try row.storeValue("seq", path: path, seq: nil)
                    let chain: Data = try row.storeValue("chain_hash", path: path, seq: seq)
                    guard hashes[seq] == chain else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) does not match the log")
                    }
                    guard let restored = try SnapshotCodec.decode(row: row, path: path, sealer: sealer, vocabularies: fold.vocabularies) else {
                        continue
                    }
                    guard restored.head == seq else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) claims another head")
                    }
                    // Its digest is no seal: a rewritten snapshot with a fresh digest is caught only here.
                    guard let folded = folds[seq], Self.same(restored.snapshot(), folded) else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) does not hold the fold of the log up to it")
                    }
                    snapshotCount += 1
                }
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: count + 1)
        }
        return VerifyReport(events: count, reports: fold.reports.count, snapshots: snapshotCount, headHash: Self.hex(previous),
                            signatures: count, epochs: epochs.count, founderKey: Self.hex(EventHash.digest(founder)))
    }

    private static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }

    private static func same(_ restored: DeskSnapshot, _ folded: DeskSnapshot) -> Bool {
        restored.head == folded.head && restored.reports == folded.reports && restored.users == folded.users
            && restored.deskOverrides == folded.deskOverrides && restored.clocks == folded.clocks
    }
}
