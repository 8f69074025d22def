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

    /// Creates a sealed store: a random data key (epoch 1) seals every payload and snapshot; the admin's signing
    /// and agreement keys are wrapped under `passphrase`, and the data key to the agreement key, in the same file.
    /// Refuses to overwrite any existing file.
    public static func create(at path: String, admin: String, passphrase: Passphrase, now: Date,
                              vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        try WeakPassphrase.check(passphrase, for: admin)
        // Checked before the slow derivation; `create` checks again without a window (O_EXCL).
        if StoreFiles.exists(path) { throw StoreError.alreadyExists(path: path) }
        let secrets = UserSecrets.generate(sealed: true)
        let dataKey = SymmetricKey(size: .bits256)
        let sealer = AEADSealer(holder: admin, secrets: secrets, epochs: [1: dataKey], coreDumps: CoreDumpGuard())
        let row = try KeyRow.wrap(secrets, for: admin, passphrase: passphrase)
        return try create(at: path, admin: admin, secrets: secrets, now: now, sealer: sealer, vocabularies: vocabularies) { db in
            try KeysTable.insert(row, db)
            try EpochKeys.give(dataKey, epoch: 1, to: admin, agreementKey: secrets.publicKeys.sealing ?? Data(), db)
        }
    }

    /// Opens a sealed store as `user`: unwraps the data key with their passphrase, then opens as usual.
    public static func open(at path: String, user: String, passphrase: Passphrase,
                            vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        try open(at: path, sealer: try unlock(at: path, user: user, passphrase: passphrase), vocabularies: vocabularies)
    }

    /// The sealer holding the store's data keys and `user`'s own keys, unwrapped with their passphrase: for `open`
    /// and `verify`.
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
        let row: KeyRow?
        do {
            row = try database.read { db in try KeysTable.fetch(user, db, path: path) }
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
        guard let row, let scrypt = row.scrypt else {
            // As slow as a real attempt, so timing does not tell a missing user from a wrong passphrase.
            _ = try? KeyRow.derive(passphrase, salt: Data(count: KeyRow.saltByteCount), parameters: .standard)
            throw StoreError.wrongPassphrase(path: path)
        }
        guard scrypt.parameters.isAccepted else {
            throw StoreError.unsafeKey(path: path, reason: "the key of '\(user)' asks for scrypt \(scrypt.parameters); "
                                       + "this build accepts \(ScryptParameters.acceptedRange)")
        }
        guard scrypt.salt.count >= 16 else {
            throw StoreError.unsafeKey(path: path, reason: "the key of '\(user)' has a salt of \(scrypt.salt.count) bytes; at least 16 are needed")
        }
        guard let secrets = try row.unwrap(passphrase), let agreement = secrets.agreement else {
            throw StoreError.wrongPassphrase(path: path)
        }
        let epochs: [UInt32: SymmetricKey]
        do {
            epochs = try database.read { db in try EpochKeys.unwrap(for: user, agreement: agreement, db, path: path) }
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
        guard !epochs.isEmpty else { throw StoreError.wrongPassphrase(path: path) }
        return AEADSealer(holder: user, secrets: secrets, epochs: epochs, coreDumps: coreDumps)
    }

    /// Whether this store's payloads are encrypted.
    public var isSealed: Bool { sealer is AEADSealer }

    /// The users holding a key to this sealed store under their own passphrase (empty for a plain one, whose
    /// keys are in clear).
    public func keyHolders() throws -> [String] {
        guard isSealed else { return [] }
        do {
            return try database.read { db in try KeysTable.users(db) }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    /// Adds `user` to the roster of a sealed store with keys of their own: their signing and agreement keys are
    /// wrapped under their passphrase, and every epoch's data key (held since this store was opened) to their
    /// agreement key, in one transaction: a refused addition leaves no key behind. This process may sign as the
    /// new user until it ends: it was given their passphrase.
    @discardableResult
    public func addUser(_ user: User, passphrase: Passphrase, as actor: String, now: Date) throws -> [Event] {
        guard let sealer = sealer as? AEADSealer else { throw StoreError.notSealed(path: path) }
        try WeakPassphrase.check(passphrase, for: user.name)
        var user = user
        let secrets = UserSecrets.generate(sealed: true)
        user.keys = secrets.publicKeys
        // A refusal (not an admin, the name taken) before the slow derivation; the transaction decides again.
        _ = try Decider(state: state, actor: actor, now: now).decide(.addUser(user))
        // Derived before the transaction: scrypt takes a second, and the write lock would block other writers.
        let row = try KeyRow.wrap(secrets, for: user.name, passphrase: passphrase)
        let events = try performAll([Submission(.addUser(user), actor: actor, now: now)]) { db in
            try KeysTable.insert(row, db)
            // Every epoch, or the new user could not read part of the log.
            let epochs = sealer.epochKeys
            guard epochs.count == Int(try EpochKeys.newest(db)) else {
                throw StoreError.damaged(path: self.path, seq: nil,
                                         reason: "\(actor) does not hold every key epoch of the log, so cannot give them to \(user.name)")
            }
            for (epoch, key) in epochs.sorted(by: { $0.key < $1.key }) {
                try EpochKeys.give(key, epoch: epoch, to: user.name, agreementKey: user.keys?.sealing ?? Data(), db)
            }
        }
        keyring.add(user.name, secrets)
        return events
    }
}
