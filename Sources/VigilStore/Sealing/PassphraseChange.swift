import Foundation
import GRDB

extension SQLiteStore {
    /// Re-wraps `user`'s keys under a new passphrase; they opened this store with the current one. The log and the
    /// data keys are not re-encrypted: only the user's row of the keys table changes.
    public func changePassphrase(for user: String, to passphrase: Passphrase) throws {
        guard let sealer = sealer as? AEADSealer, sealer.holder == user else { throw StoreError.notSealed(path: path) }
        try WeakPassphrase.check(passphrase, for: user)
        // Derived outside the transaction: scrypt takes a second and would hold the write lock.
        let row = try KeyRow.wrap(sealer.secrets, for: user, passphrase: passphrase)
        do {
            try database.write { db in
                guard try KeysTable.fetch(user, db, path: path) != nil else { throw StoreError.wrongPassphrase(path: path) }
                try KeysTable.replace(row, db)
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }
}
