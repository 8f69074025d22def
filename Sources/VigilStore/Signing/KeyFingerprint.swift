import Crypto
import Foundation
import VigilCore

/// A short, stable name for a user's signing key, to compare out of band ("is the key the store lists for sam the
/// one sam made?"): the first 16 hex digits of the SHA-256 of the raw public key, in groups of four.
public enum KeyFingerprint {
    public static func of(_ keys: PublicKeys?) -> String {
        guard let keys else { return "none" }
        let hex = SHA256.hash(data: keys.signing).prefix(8).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: ":")
    }
}
