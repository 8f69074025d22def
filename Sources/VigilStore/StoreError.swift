/// Why a store could not be opened, read or written. Every case names the file.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case alreadyExists(path: String)
    case notAStore(path: String, reason: String)
    case newerFormat(path: String, found: Int, supported: Int)
    /// A store from an earlier build whose format this one no longer reads (format 1 had no signatures).
    case olderFormat(path: String, found: Int, supported: Int)
    /// The log is damaged at `seq` (the first bad event), or somewhere not tied to one event when seq is nil.
    case damaged(path: String, seq: Int64?, reason: String)
    case io(path: String, reason: String)
    case database(path: String, reason: String)
    /// A sealed store did not open for this user and passphrase. One message for every cause (no key row for the
    /// user, a wrong passphrase, an altered row), so a guesser learns nothing about which part failed.
    case wrongPassphrase(path: String)
    /// A user's key row asks for scrypt parameters (or a salt) outside what this build accepts; refused before
    /// deriving anything.
    case unsafeKey(path: String, reason: String)
    /// An operation that needs a sealed store (a user's key) was asked of a plain one.
    case notSealed(path: String)
    /// The user who unlocked the store was taken off its roster: what was sealed since is not for them.
    case removed(path: String, user: String)
    /// This process holds no signing key for the user an event would be made by.
    case cannotSign(path: String, actor: String)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no store here (create one with `vigil init` or `vigil demo`)"
        case .alreadyExists(let path): "\(path): a file already exists here; refusing to overwrite it"
        case .notAStore(let path, let reason): "\(path): not a Vigil store (\(reason))"
        case .newerFormat(let path, let found, let supported):
            "\(path): written by a newer Vigil (store format \(found); this build reads up to \(supported))"
        case .olderFormat(let path, let found, let supported):
            "\(path): written by an earlier Vigil (store format \(found), without signatures); this build reads format \(supported): "
                + "export it with the earlier build and import the file into a new store"
        case .damaged(let path, let seq?, let reason): "\(path): damaged at event \(seq): \(reason)"
        case .damaged(let path, nil, let reason): "\(path): damaged: \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .database(let path, let reason): "\(path): database error: \(reason)"
        case .wrongPassphrase(let path): "\(path): wrong passphrase, or not a user of this store"
        case .unsafeKey(let path, let reason): "\(path): refusing to open: \(reason)"
        case .notSealed(let path): "\(path): the store is not sealed, so its users have no keys"
        case .removed(let path, let user):
            "\(path): \(user) was removed from this store's roster; what was written since is sealed under a key \(user) does not hold"
        case .cannotSign(let path, let actor):
            "\(path): this process holds no signing key for '\(actor)': only \(actor), opening the store with their own passphrase, can act as \(actor)"
        }
    }
}
