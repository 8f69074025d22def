import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

/// Removing a user deletes their keys and, in a sealed store, starts a new data key epoch: what is written
/// afterwards is sealed under a key wrapped only to those who remain, so even a removed user who kept their key
/// row (an old copy of the file) cannot read it.
@Suite("Sealing: user removal and key epochs")
struct UserRemovalTests {
    @Test("removing ana: her key goes, later events are sealed under epoch 2, sam reads everything, verify passes")
    func newEpoch() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let admin = try SealedFixture.openCopy(sandbox, sealer: try SealedFixture.adminSealer(sandbox))
        let before = try sandbox.create(in: admin, title: "Before the removal")
        let removal = try admin.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now())
        #expect(removal.map(\.body) == [.userRemoved(name: "ana")])
        try admin.perform(.comment(id: before, text: "after the removal"), as: "sam", now: sandbox.now())
        #expect(admin.state.user("ana") == nil)
        #expect(try admin.keyHolders() == ["admin", "sam"])
        #expect(try sandbox.read("desk.vigil", "SELECT COUNT(*) FROM epoch_keys WHERE user = 'ana'") as Int64? == 0)
        #expect(try sandbox.read("desk.vigil", "SELECT group_concat(epoch) FROM (SELECT DISTINCT epoch FROM epoch_keys ORDER BY epoch)") as String? == "1,2")
        let epochs = try epochsBySeq(sandbox)
        let removedAt = try #require(removal.first?.seq)
        #expect(epochs.filter { $0.key <= removedAt }.allSatisfy { $0.value == 1 })
        #expect(epochs.filter { $0.key > removedAt }.allSatisfy { $0.value == 2 })

        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.anaPassphrase)) }
                == .wrongPassphrase(path: sandbox.path()))
        let asSam = try SQLiteStore.open(at: sandbox.path(), user: "sam", passphrase: Passphrase(SealedFixture.samPassphrase))
        #expect(asSam.state.report(before)?.comments.map(\.text) == ["after the removal"])
        let report = try SQLiteStore.verify(at: sandbox.path(), sealer: try SealedFixture.adminSealer(sandbox))
        #expect(report.epochs == 2)
        // Her past events stay, signed by her, and still verify.
        #expect(report.events == admin.state.head)
    }

    @Test("a removed user who kept her key row opens the old epoch only: the first new event does not open for her")
    func keptKeyRow() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        // What ana could keep: her rows from a copy of the file made before she was removed.
        let keys = try sandbox.read("desk.vigil", "SELECT quote(salt) || ',' || quote(secrets) FROM keys WHERE user = 'ana'") as String?
        let epochOne = try sandbox.read("desk.vigil", "SELECT quote(encapsulated) || ',' || quote(wrapped) FROM epoch_keys WHERE user = 'ana'") as String?
        let admin = try SealedFixture.openCopy(sandbox, sealer: try SealedFixture.adminSealer(sandbox))
        let id = try sandbox.create(in: admin, title: "Before the removal")
        try admin.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now())
        try admin.perform(.comment(id: id, text: "where the family moved"), as: "sam", now: sandbox.now())
        try admin.checkpoint()

        // She puts her old rows back into the new file and tries.
        try sandbox.tamper("desk.vigil", """
            INSERT INTO keys (user, kdf, scrypt_n, scrypt_r, scrypt_p, salt, secrets)
                VALUES ('ana', 'scrypt', 131072, 8, 1, \(try #require(keys)));
            INSERT INTO epoch_keys (epoch, user, encapsulated, wrapped) VALUES (1, 'ana', \(try #require(epochOne)));
            DELETE FROM snapshots;
            """)
        let sealer = try SQLiteStore.unlock(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.anaPassphrase))
        #expect(sealer.holds(epoch: 1))
        #expect(!sealer.holds(epoch: 2))
        // She reads up to her removal, then is told: everything after it is sealed under epoch 2.
        #expect(storeError { _ = try SQLiteStore.open(at: sandbox.path(), sealer: sealer) } == .removed(path: sandbox.path(), user: "ana"))
        #expect(try SQLiteStore.verify(at: sandbox.path(), sealer: try SealedFixture.adminSealer(sandbox)).epochs == 2)
    }

    @Test("a store opened before another process removed a user takes up the new epoch before it writes")
    func concurrentRemoval() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let sealer = try SealedFixture.adminSealer(sandbox)
        let early = try SealedFixture.openCopy(sandbox, sealer: sealer)
        let id = try sandbox.create(in: early, title: "Opened early")
        let other = try SQLiteStore.open(at: sandbox.path(), user: "sam", passphrase: Passphrase(SealedFixture.samPassphrase))
        _ = try other.poll()
        // The admin (a third process, here a second store object) removes ana; `early` still holds epoch 1 only.
        let remover = try SealedFixture.openCopy(sandbox, sealer: try SealedFixture.adminSealer(sandbox))
        try remover.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now())
        try early.perform(.comment(id: id, text: "written by the early store"), as: "sam", now: sandbox.now())
        #expect(try epochsBySeq(sandbox)[early.state.head] == 2)
        // The other running console follows, epoch and all.
        #expect(try other.poll().count == 2)
        #expect(other.state.report(id)?.comments.map(\.text) == ["written by the early store"])
    }

    @Test("a removed user's running store is told she was removed when it next reads, not shown a damaged log")
    func runningRemovedUser() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let asAna = try SQLiteStore.open(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.anaPassphrase))
        let id = try sandbox.create(in: asAna, title: "Threat")
        let admin = try SealedFixture.openCopy(sandbox, sealer: try SealedFixture.adminSealer(sandbox))
        try admin.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now())
        try admin.perform(.comment(id: id, text: "the new address"), as: "sam", now: sandbox.now())
        let error = storeError { _ = try asAna.poll() }
        #expect(error == .removed(path: sandbox.path(), user: "ana"))
        #expect(error?.description == "\(sandbox.path()): ana was removed from this store's roster; what was written since is sealed under a key ana does not hold")
        #expect(asAna.state.report(id)?.comments.isEmpty == true)
    }

    @Test("an event sealed under the old epoch after a removal fails verify, naming the seq and the removed user")
    func oldEpochAfterRemoval() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let sealer = try SealedFixture.adminSealer(sandbox)
        let admin = try SealedFixture.openCopy(sandbox, sealer: sealer)
        let id = try sandbox.create(in: admin, title: "Threat")
        let removal = try #require(try admin.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now()).first?.seq)
        try admin.checkpoint()
        // A writer that never took up epoch 2 (ana's kept key, or a build that skips the rotation).
        let stale = AEADSealer(holder: "admin", secrets: sealer.secrets, epochs: [1: try #require(sealer.epochKeys[1])], coreDumps: CoreDumpGuard())
        let seq = try Forger(path: sandbox.path(), sealer: stale, keyring: admin.keyring)
            .append(.commented(text: "sealed under the old key"), reportID: id, actor: "sam", signedBy: "sam", at: sandbox.now())
        #expect(storeError { _ = try SQLiteStore.verify(at: sandbox.path(), sealer: sealer) }
                == .damaged(path: sandbox.path(), seq: seq,
                            reason: "it is sealed under key epoch 1, which ana still held after being removed at event \(removal)"))
    }

    @Test("removal is an admin's, never of oneself, and only of someone on the roster; plain stores drop the key too")
    func refusals() throws {
        let sandbox = try StoreSandbox()
        let (store, _) = try sandbox.makeDesk(reports: 0)
        #expect(throws: DeskError.refused("an admin cannot remove themselves; another admin can")) {
            try store.perform(.removeUser(name: "admin"), as: "admin", now: sandbox.now())
        }
        #expect(throws: DeskError.refused("user 'zoe' is not on the roster")) {
            try store.perform(.removeUser(name: "zoe"), as: "admin", now: sandbox.now())
        }
        #expect(throws: DeskError.self) { try store.perform(.removeUser(name: "ana"), as: "sam", now: sandbox.now()) }
        try store.perform(.removeUser(name: "ana"), as: "admin", now: sandbox.now())
        #expect(try sandbox.read("desk.vigil", "SELECT group_concat(user) FROM (SELECT user FROM keys ORDER BY user)") as String? == "admin,kim,sam")
        #expect(throws: DeskError.notOnRoster("ana")) {
            try store.perform(.create([.title: "x", .country: "NP", .acts: "threat"]), as: "ana", now: sandbox.now())
        }
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == store.state.head)
    }

    /// The epoch each event's sealed payload names, by seq.
    private func epochsBySeq(_ sandbox: StoreSandbox) throws -> [Int64: UInt32] {
        let database = try DatabaseQueue(path: sandbox.path())
        defer { try? database.close() }
        return try database.read { db in
            var epochs: [Int64: UInt32] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT seq, payload FROM events") {
                epochs[row["seq"]] = AEADSealer.epoch(of: row["payload"])
            }
            return epochs
        }
    }
}
