import Crypto
import Foundation
import GRDB
import VigilCore

/// What one write does to keys when it changes the roster: a plain store's new users get signing keys made here
/// (kept beside the log); a removed user's keys go, and in a sealed store a new epoch begins whose data key is
/// wrapped only to the users who remain. Undone in memory if the write does not commit.
struct RosterKeys {
    /// Secrets made for users added without keys (plain stores), by name.
    private(set) var generated: [String: UserSecrets] = [:]
    /// Users removed by this write.
    private(set) var removed: [String] = []
    /// Epochs started by this write, to forget if it does not commit.
    private var started: [UInt32] = []

    /// Gives an added user keys if they come without (plain stores only: a sealed store's user needs a passphrase).
    mutating func prepare(_ submission: Submission, sealed: Bool) throws -> Submission {
        guard case .addUser(var user) = submission.command, user.keys == nil else { return submission }
        if sealed {
            throw DeskError.refused("on a sealed store each user is added with a passphrase of their own (`vigil user add` asks for it)")
        }
        let secrets = UserSecrets.generate(sealed: false)
        user.keys = secrets.publicKeys
        generated[user.name] = secrets
        return Submission(.addUser(user), actor: submission.actor, now: submission.now)
    }

    /// Drops `name`'s keys, after their removal event is appended; in a sealed store, starts the next epoch for
    /// everyone still on the roster, so what follows is sealed under a key `name` never had.
    mutating func remove(_ name: String, from store: SQLiteStore, _ db: Database) throws {
        removed.append(name)
        try KeysTable.delete(name, db)
        guard let sealer = store.sealer as? AEADSealer else { return }
        try EpochKeys.delete(name, db)
        let epoch = max(try EpochKeys.newest(db), sealer.currentEpoch) + 1
        let key = SymmetricKey(size: .bits256)
        for user in store.state.users.values.sorted(by: { $0.name < $1.name }) {
            guard let agreementKey = user.keys?.sealing else {
                throw StoreError.damaged(path: store.path, seq: nil, reason: "'\(user.name)' has no key to give the new data key to")
            }
            try EpochKeys.give(key, epoch: epoch, to: user.name, agreementKey: agreementKey, db)
        }
        sealer.install(key, epoch: epoch)
        started.append(epoch)
    }

    /// Forgets epochs started by a write that did not commit.
    func rollBack(_ store: SQLiteStore) {
        guard let sealer = store.sealer as? AEADSealer else { return }
        for epoch in started { sealer.forget(epoch: epoch) }
    }
}
