import Foundation
import GRDB

extension SQLiteStore {
    /// Re-wraps the data key under a new passphrase for `user`, who opened this store with the current one.
    /// The log is not re-encrypted: only the user's row of the keys table changes.
    public func changePassphrase(for user: String, to passphrase: Passphrase) throws {
        guard let sealer = sealer as? AEADSealer else { throw StoreError.notSealed(path: path) }
        try WeakPassphrase.check(passphrase, for: user)
        // Derived outside the transaction: scrypt takes a second and would hold the write lock.
        let key = try UserKey.wrap(sealer.dataKey, for: user, passphrase: passphrase)
        do {
            try database.write { db in
                guard try KeysTable.fetch(user, db, path: path) != nil else { throw StoreError.wrongPassphrase(path: path) }
                try db.execute(sql: "DELETE FROM keys WHERE user = ?", arguments: [user])
                try KeysTable.insert(key, db)
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }
}
