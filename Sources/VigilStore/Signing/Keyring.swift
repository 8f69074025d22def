import Crypto
import Foundation

/// The signing keys this process holds, by user: the opening user's in a sealed store (and those of users it
/// added, whose passphrases it was given), every user's in a plain one.
struct Keyring: Sendable {
    private var keys: [String: Curve25519.Signing.PrivateKey] = [:]

    init() {}

    init(_ secrets: [String: UserSecrets]) {
        keys = secrets.mapValues(\.signing)
    }

    mutating func add(_ user: String, _ secrets: UserSecrets) { keys[user] = secrets.signing }

    mutating func remove(_ user: String) { keys[user] = nil }

    func key(for user: String) -> Curve25519.Signing.PrivateKey? { keys[user] }
}
