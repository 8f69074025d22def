import Crypto
import Foundation

/// The hash chain: hash = SHA-256(prev_hash || canonical bytes of the stored row).
enum EventHash {
    static let genesis = Data(repeating: 0, count: 32)

    /// Canonical bytes: seq and time as 8-byte big-endian integers, strings and payload length-prefixed,
    /// so no two different rows share bytes.
    static func canonical(seq: Int64, reportID: String?, actor: String, timeMillis: Int64, kind: String, payload: Data) -> Data {
        var bytes = Data()
        func append(_ value: Int64) { withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) } }
        func append(_ data: Data) {
            append(Int64(data.count))
            bytes.append(data)
        }
        append(seq)
        append(Data((reportID ?? "").utf8))
        append(Data(actor.utf8))
        append(timeMillis)
        append(Data(kind.utf8))
        append(payload)
        return bytes
    }

    static func hash(previous: Data, canonical: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonical)
        return Data(hasher.finalize())
    }

    static func digest(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }
}
