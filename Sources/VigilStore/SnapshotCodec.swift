import Foundation
import GRDB
import VigilCore

/// Encodes the fold for the snapshots table, sealed like every payload and checked by a digest on load.
enum SnapshotCodec {
    static let associatedData = Data("snapshot".utf8)

    static func encode(_ state: DeskState, sealer: any PayloadSealer) throws -> Data {
        let plaintext = SnapshotFormat.encode(state.snapshot())
        return try sealer.seal(plaintext, associatedData: associatedData)
    }

    /// The state a snapshot holds; nil when it is in a cache format this build does not read (replay instead).
    static func decode(row: Row, path: String, sealer: any PayloadSealer, vocabularies: Vocabularies) throws -> DeskState? {
        let seq: Int64 = try row.storeValue("seq", path: path, seq: nil)
        let digest: Data = try row.storeValue("digest", path: path, seq: seq)
        // Read where SQLite holds it when the row is a cursor's: the blob is tens of megabytes.
        return try row.withUnsafeData(named: "payload") { payload in
            guard let payload else {
                throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) has no payload")
            }
            return try decode(payload, digest: digest, seq: seq, path: path, sealer: sealer, vocabularies: vocabularies)
        }
    }

    private static func decode(_ payload: Data, digest: Data, seq: Int64, path: String, sealer: any PayloadSealer,
                               vocabularies: Vocabularies) throws -> DeskState? {
        guard EventHash.digest(payload) == digest else {
            throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) is damaged (digest mismatch)")
        }
        do {
            let plaintext = try sealer.open(payload, associatedData: associatedData)
            let snapshot = try SnapshotFormat.decode(plaintext)
            guard snapshot.head == seq else {
                throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot claims event \(snapshot.head)")
            }
            return DeskState(snapshot: snapshot, vocabularies: vocabularies)
        } catch let error as StoreError {
            throw error
        } catch is SnapshotFormat.UnknownFormat {
            return nil
        } catch {
            throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) cannot be read (\(error))")
        }
    }
}
