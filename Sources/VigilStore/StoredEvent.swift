import Foundation
import GRDB

/// A row of the events table as stored: sealed payload and chain hashes.
struct StoredEvent: Sendable {
    var seq: Int64
    var reportID: String?
    var actor: String
    var timeMillis: Int64
    var kind: String
    var payload: Data
    var prevHash: Data
    var hash: Data
    /// The actor's Ed25519 signature of `hash` (see `EventSignature`); outside the hash, which it covers.
    var signature: Data

    /// Reads a stored row. A value that cannot be read (a NULL left by damage) is damage at the row's seq,
    /// not a crash.
    init(row: Row, path: String) throws {
        seq = try row.storeValue("seq", path: path, seq: nil)
        reportID = try row.storeValue("report_id", path: path, seq: seq)
        actor = try row.storeValue("actor", path: path, seq: seq)
        timeMillis = try row.storeValue("time_ms", path: path, seq: seq)
        kind = try row.storeValue("kind", path: path, seq: seq)
        payload = try row.storeValue("payload", path: path, seq: seq)
        prevHash = try row.storeValue("prev_hash", path: path, seq: seq)
        hash = try row.storeValue("hash", path: path, seq: seq)
        signature = try row.storeValue("signature", path: path, seq: seq)
    }

    init(seq: Int64, reportID: String?, actor: String, timeMillis: Int64, kind: String, payload: Data, prevHash: Data) {
        self.seq = seq
        self.reportID = reportID
        self.actor = actor
        self.timeMillis = timeMillis
        self.kind = kind
        self.payload = payload
        self.prevHash = prevHash
        self.hash = EventHash.hash(previous: prevHash, canonical: EventHash.canonical(
            seq: seq, reportID: reportID, actor: actor, timeMillis: timeMillis, kind: kind, payload: payload))
        self.signature = Data()
    }

    /// The hash this row should have, recomputed from its contents.
    var recomputedHash: Data {
        EventHash.hash(previous: prevHash, canonical: EventHash.canonical(
            seq: seq, reportID: reportID, actor: actor, timeMillis: timeMillis, kind: kind, payload: payload))
    }

    /// The associated data binding a sealed payload to its place in the log.
    static func associatedData(seq: Int64, reportID: String?) -> Data {
        Data("\(seq)|\(reportID ?? "")".utf8)
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO events (seq, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [seq, reportID, actor, timeMillis, kind, payload, prevHash, hash, signature])
    }

    static let selectColumns = "seq, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature"
}

extension Row {
    /// A column's value, or `StoreError.damaged` naming `seq` when it is missing or of the wrong kind
    /// (GRDB's subscript would stop the process instead).
    func storeValue<Value: DatabaseValueConvertible>(_ column: String, path: String, seq: Int64?) throws -> Value {
        do {
            return try decode(Value.self, forColumn: column)
        } catch {
            let subject = seq == nil ? "a row's \(column)" : "its \(column)"
            throw StoreError.damaged(path: path, seq: seq, reason: "\(subject) cannot be read (NULL or of the wrong type)")
        }
    }
}
