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

    init(row: Row) {
        seq = row["seq"]
        reportID = row["report_id"]
        actor = row["actor"]
        timeMillis = row["time_ms"]
        kind = row["kind"]
        payload = row["payload"]
        prevHash = row["prev_hash"]
        hash = row["hash"]
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
            sql: "INSERT INTO events (seq, report_id, actor, time_ms, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [seq, reportID, actor, timeMillis, kind, payload, prevHash, hash])
    }

    static let selectColumns = "seq, report_id, actor, time_ms, kind, payload, prev_hash, hash"
}
