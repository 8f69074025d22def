import Foundation
import GRDB
import VigilCore

/// Encodes the fold for the snapshots table, sealed like every payload and checked by a digest on load.
enum SnapshotCodec {
    static let associatedData = Data("snapshot".utf8)

    static func encode(_ state: DeskState, sealer: any PayloadSealer) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let plaintext = try encoder.encode(state.snapshot())
        return try sealer.seal(plaintext, associatedData: associatedData)
    }

    static func decode(row: Row, path: String, sealer: any PayloadSealer, vocabularies: Vocabularies) throws -> DeskState {
        let seq: Int64 = row["seq"]
        let payload: Data = row["payload"]
        let digest: Data = row["digest"]
        guard EventHash.digest(payload) == digest else {
            throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) is damaged (digest mismatch)")
        }
        do {
            let plaintext = try sealer.open(payload, associatedData: associatedData)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            let snapshot = try decoder.decode(DeskSnapshot.self, from: plaintext)
            guard snapshot.head == seq else {
                throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot claims event \(snapshot.head)")
            }
            return DeskState(snapshot: snapshot, vocabularies: vocabularies)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) cannot be read (\(error))")
        }
    }
}
