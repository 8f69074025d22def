/// How a store's payloads are kept, as its meta table records it: read before opening, so a caller asks for a
/// passphrase only when there is something sealed.
public struct StoreSealing: Sendable, Equatable {
    /// The scheme name: `plain`, or `aes-gcm-256-v1` for a sealed store.
    public let scheme: String

    public init(scheme: String) { self.scheme = scheme }

    /// Whether payloads are encrypted (any scheme but `plain`).
    public var isSealed: Bool { scheme != PlainSealer().scheme }
}

/// A passphrase refused when a key is made for it (too short to stand up to guessing, even behind scrypt).
public struct WeakPassphrase: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shortest passphrase accepted for a new key, in bytes of UTF-8.
    public static let minimumLength = 8

    public let user: String

    public init(user: String) { self.user = user }

    public var description: String {
        "the passphrase for \(user) is too short: use at least \(Self.minimumLength) characters (a few unrelated words are best)"
    }

    static func check(_ passphrase: Passphrase, for user: String) throws {
        if passphrase.count < minimumLength { throw WeakPassphrase(user: user) }
    }
}
