import Crypto
import GRDB
import Foundation
import VigilCore

/// Makes reports fit to leave the store for partners: names become keyed pseudonyms (HMAC-SHA256 under a store key,
/// so the same person gets the same pseudonym in every export, and nobody without the key can link it back),
/// contacts, exact places and every free text (title, narrative, comments, reasons) are dropped, country and
/// desk kept. Reports whose TLP is red or whose
/// consent is internal-only (or none) are withheld unless forced.
public struct Pseudonymiser: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    /// Whether a report may leave the store without being forced.
    public static func mayLeave(_ report: Report) -> Bool {
        report.fields.tlp != "red" && !["internal_only", "none"].contains(report.fields.consentScope)
    }

    /// `P-` and ten hex digits of the HMAC of the folded name: stable, short, not reversible without the key.
    public func pseudonym(for name: String) -> String {
        // Case, accents and spacing do not make another person.
        let folded = TextFold.fold(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let code = HMAC<SHA256>.authenticationCode(for: Data(folded.utf8), using: key)
        return "P-" + code.prefix(5).map { String(format: "%02x", $0) }.joined()
    }

    public func pseudonymise(_ report: Report) -> Report {
        var report = report
        let person = report.fields.defenderRealName.isEmpty ? report.fields.defenderPseudonym : report.fields.defenderRealName
        report.fields.defenderPseudonym = person.isEmpty ? "" : pseudonym(for: person)
        report.fields.defenderRealName = ""
        report.fields.defenderContact = ""
        report.fields.safeContactChannel = ""
        report.fields.placeDescription = ""
        report.fields.adminArea = ""
        // Free text can name anyone; it does not leave in a pseudonymised export. A title is free text too
        // ("Threat to <name>"): it becomes what happened, where.
        report.fields.title = "\(report.fields.acts.joined(separator: ", ")) (\(report.fields.country))"
        report.fields.narrative = ""
        report.comments = []
        report.escalation?.reason = ""
        report.decision?.note = ""
        return report
    }
}

extension SQLiteStore {
    /// The key behind export pseudonyms. In a sealed store it is derived from the first epoch's data key (so it
    /// is as secret as the reports, and stable across epochs); in a plain store it is kept in the meta table, as
    /// readable as everything else there.
    public func pseudonymKey() throws -> SymmetricKey {
        if let sealed = sealer as? AEADSealer {
            guard let first = sealed.epochKeys[1] else { throw StoreError.wrongPassphrase(path: path) }
            return HKDF<SHA256>.deriveKey(inputKeyMaterial: first, info: Data("vigil export pseudonyms".utf8), outputByteCount: 32)
        }
        do {
            return try database.write { db in
                if let hex = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'pseudonym_key'"),
                   let bytes = Self.bytes(hex: hex), bytes.count == 32 {
                    return SymmetricKey(data: bytes)
                }
                let key = SymmetricKey(size: .bits256)
                let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('pseudonym_key', ?)", arguments: [hex])
                return key
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
