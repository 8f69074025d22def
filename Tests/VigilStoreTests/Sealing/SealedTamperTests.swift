import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

/// Sealed records are bound to their place in the log: even with the hash chain rewritten to match (the chain
/// is unkeyed, anyone with the file can recompute it), a payload moved to another seq or report does not open.
@Suite("Sealing: sealed records cannot be moved")
struct SealedTamperTests {
    /// Copies the payload of `source` onto `target`, then recomputes every hash from `target` on, as a forger
    /// with write access to the file would.
    private func movePayload(from source: Int64, to target: Int64, _ sandbox: StoreSandbox) throws {
        try sandbox.tamper("desk.vigil", "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete")
        let database = try DatabaseQueue(path: sandbox.path())
        defer { try? database.close() }
        try database.write { db in
            try db.execute(sql: "UPDATE events SET payload = (SELECT payload FROM events WHERE seq = ?) WHERE seq = ?", arguments: [source, target])
            try ChainRewrite.relink(from: target, db, path: sandbox.path())
            // Snapshots would be caught by their own chain link; drop them so only the seal is left to notice.
            try db.execute(sql: "DELETE FROM snapshots")
        }
    }

    @Test("a sealed payload copied onto another event's seq is damage at that seq, with the chain rewritten to match",
          arguments: [
              // Two comments on the same report: same kind, same report, only the seq differs.
              (Int64(7), Int64(8)),
              // A report's creation onto another report's creation: same kind, another report id.
              (Int64(4), Int64(5)),
          ])
    func movedPayload(source: Int64, target: Int64) throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let sealer = try SealedFixture.adminSealer(sandbox)
        let store = try SealedFixture.openCopy(sandbox, sealer: sealer)
        let first = try sandbox.create(in: store, title: "First report")
        _ = try sandbox.create(in: store, title: "Second report")
        try store.perform(.take(id: first), as: "ana", now: sandbox.now())
        try store.perform(.comment(id: first, text: "one"), as: "ana", now: sandbox.now())
        try store.perform(.comment(id: first, text: "two"), as: "ana", now: sandbox.now())
        #expect(try store.history(of: first).map(\.seq) == [4, 6, 7, 8])
        try store.checkpoint()

        try movePayload(from: source, to: target, sandbox)
        let expected = StoreError.damaged(path: sandbox.path(), seq: target,
                                          reason: "its payload cannot be read (\(SealingFailure.doesNotOpen))")
        #expect(storeError { _ = try SQLiteStore.open(at: sandbox.path(), sealer: sealer) } == expected)
        #expect(storeError { _ = try SQLiteStore.verify(at: sandbox.path(), sealer: sealer) } == expected)
        withExtendedLifetime(store) {}
    }

    @Test("a flipped byte of a sealed payload, chain rewritten, does not open")
    func flippedSealedByte() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let sealer = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase))
        // Seq 2 (adding ana) moved onto itself after a flip: the forger's best case, the chain fully consistent.
        try sandbox.dropAppendOnlyTriggers()
        let payload = try #require(try sandbox.read("desk.vigil", "SELECT payload FROM events WHERE seq = 2") as Data?)
        var flipped = payload
        flipped[flipped.startIndex + 20] ^= 0x01
        try sandbox.tamper("desk.vigil", "UPDATE events SET payload = ? WHERE seq = 2", arguments: [flipped])
        try movePayload(from: 2, to: 2, sandbox)
        #expect(storeError { _ = try SQLiteStore.open(at: sandbox.path(), sealer: sealer) }
                == .damaged(path: sandbox.path(), seq: 2, reason: "its payload cannot be read (\(SealingFailure.doesNotOpen))"))
    }
}
