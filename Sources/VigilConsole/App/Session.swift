/// Who is working and on what: shown in the status bar, used for "me" in filters and for permissions.
public struct Session: Sendable {
    public var user: String
    public var storePath: String
    /// The terminal can draw Unicode box characters (a UTF-8 locale).
    public var unicode: Bool
    /// The store is sealed: privacy mode starts on and the lock asks for the passphrase.
    public var sealed: Bool

    public init(user: String, storePath: String, unicode: Bool = true, sealed: Bool = false) {
        self.user = user
        self.storePath = storePath
        self.unicode = unicode
        self.sealed = sealed
    }

    public var storeName: String { storePath.split(separator: "/").last.map(String.init) ?? storePath }
}
