import Crypto
import Foundation
import GRDB
import VigilCore

/// Sealed stores: created with a passphrase, opened by a user with theirs, and users' keys added by someone who
/// already holds the data key.
extension SQLiteStore {
    /// How the store at `path` is sealed, read from its meta table without opening it. Throws what `open` would
    /// for a missing file, a file that is not a store, or a newer format.
    public static func sealing(at path: String) throws -> StoreSealing {
        let database = try connectExisting(path)
        defer { try? database.close() }
        return StoreSealing(scheme: try readScheme(database, path: path))
    }

    /// Creates a sealed store: a random data key seals every payload and snapshot, and it is wrapped for `admin`
    /// under `passphrase` in the same file. Refuses to overwrite any existing file.
    public static func create(at path: String, admin: String, passphrase: Passphrase, now: Date,
                              vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        try WeakPassphrase.check(passphrase, for: admin)
        // Checked before the slow derivation; `create` checks again without a window (O_EXCL).
        if StoreFiles.exists(path) { throw StoreError.alreadyExists(path: path) }
        let sealer = AEADSealer.generate()
        let key = try UserKey.wrap(sealer.dataKey, for: admin, passphrase: passphrase)
        return try create(at: path, admin: admin, now: now, sealer: sealer, vocabularies: vocabularies) { db in
            try KeysTable.create(db)
            try KeysTable.insert(key, db)
        }
    }

    /// Opens a sealed store as `user`: unwraps the data key with their passphrase, then opens as usual.
    public static func open(at path: String, user: String, passphrase: Passphrase,
                            vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        try open(at: path, sealer: try unlock(at: path, user: user, passphrase: passphrase), vocabularies: vocabularies)
    }

    /// The sealer holding the store's data key, unwrapped with `user`'s passphrase: for `open` and `verify`.
    /// Every way of not getting the key (no row for the user, a wrong passphrase, an altered row) is the one
    /// `StoreError.wrongPassphrase`; scrypt parameters out of range are refused before deriving.
    public static func unlock(at path: String, user: String, passphrase: Passphrase) throws -> AEADSealer {
        let sealing = try sealing(at: path)
        guard sealing.scheme == AEADSealer.scheme else {
            throw StoreError.notAStore(path: path, reason: sealing.isSealed
                ? "payloads are sealed with '\(sealing.scheme)', which this build cannot open"
                : "payloads are not sealed, so there is no key to unlock")
        }
        // Before anything secret is in memory: the passphrase's derivation, then the data key.
        let coreDumps = CoreDumpGuard()
        let database = try connect(path)
        defer { try? database.close() }
        let row: UserKey?
        do {
            row = try database.read { db in try KeysTable.fetch(user, db, path: path) }
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
        guard let row else {
            // As slow as a real attempt, so timing does not tell a missing user from a wrong passphrase.
            _ = try? UserKey.derive(passphrase, salt: Data(count: UserKey.saltByteCount), parameters: .standard)
            throw StoreError.wrongPassphrase(path: path)
        }
        guard row.parameters.isAccepted else {
            throw StoreError.unsafeKey(path: path, reason: "the key of '\(user)' asks for scrypt \(row.parameters); "
                                       + "this build accepts \(ScryptParameters.acceptedRange)")
        }
        guard row.salt.count >= 16 else {
            throw StoreError.unsafeKey(path: path, reason: "the key of '\(user)' has a salt of \(row.salt.count) bytes; at least 16 are needed")
        }
        guard let dataKey = try row.unwrap(passphrase) else { throw StoreError.wrongPassphrase(path: path) }
        return AEADSealer(dataKey: dataKey, coreDumps: coreDumps)
    }

    /// Whether this store's payloads are encrypted.
    public var isSealed: Bool { sealer is AEADSealer }

    /// The users holding a key to this sealed store (empty for a plain one).
    public func keyHolders() throws -> [String] {
        do {
            return try database.read { db in try KeysTable.users(db) }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    /// Adds `user` to the roster of a sealed store and wraps the data key (held since this store was opened)
    /// for them under their own passphrase, in one transaction: a refused addition leaves no key behind.
    @discardableResult
    public func addUser(_ user: User, passphrase: Passphrase, as actor: String, now: Date) throws -> [Event] {
        guard let sealer = sealer as? AEADSealer else { throw StoreError.notSealed(path: path) }
        try WeakPassphrase.check(passphrase, for: user.name)
        // A refusal (not an admin, the name taken) before the slow derivation; the transaction decides again.
        _ = try Decider(state: state, actor: actor, now: now).decide(.addUser(user))
        // Derived before the transaction: scrypt takes a second, and the write lock would block other writers.
        let key = try UserKey.wrap(sealer.dataKey, for: user.name, passphrase: passphrase)
        return try performAll([Submission(.addUser(user), actor: actor, now: now)]) { db in
            try KeysTable.insert(key, db)
        }
    }
}
