import Foundation
import GRDB
import Testing
import VigilCore
import VigilStore

/// Damage done behind Vigil's back, with the append-only triggers dropped: open and verify must name the first
/// bad seq, never crash and never repair.
@Suite("Store: damaged files")
struct StoreDamageTests {
    /// A closed store of 10 events: roster (1-4), three reports (5-7), one escalated (8-10).
    @discardableResult
    private func closedDesk(_ sandbox: StoreSandbox) throws -> [String] {
        let (store, ids) = try sandbox.makeDesk(reports: 3)
        try sandbox.escalate(ids[0], in: store)
        #expect(store.state.head == 10)
        try store.checkpoint()
        try sandbox.dropAppendOnlyTriggers()
        return ids
    }

    private func payload(_ sandbox: StoreSandbox, seq: Int) throws -> Data {
        try #require(try sandbox.read("desk.vigil", "SELECT payload FROM events WHERE seq = ?", arguments: [seq]) as Data?)
    }

    private func flipped(_ data: Data, at index: Int) -> Data {
        var data = data
        data[data.startIndex + index] ^= 0x01
        return data
    }

    /// Open and verify both fail with `damaged` naming `seq`; returns open's error.
    @discardableResult
    private func expectDamaged(_ sandbox: StoreSandbox, at seq: Int64, reason: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
        let path = sandbox.path()
        let opened = storeError({ _ = try SQLiteStore.open(at: path) }, sourceLocation: sourceLocation)
        #expect(damagedSeq(opened, path: path, sourceLocation: sourceLocation) == seq, sourceLocation: sourceLocation)
        #expect(opened?.description.hasPrefix("\(path): damaged at event \(seq): ") == true, sourceLocation: sourceLocation)
        if let reason {
            #expect(opened == .damaged(path: path, seq: seq, reason: reason), sourceLocation: sourceLocation)
        }
        let verified = storeError({ _ = try SQLiteStore.verify(at: path) }, sourceLocation: sourceLocation)
        #expect(damagedSeq(verified, path: path, sourceLocation: sourceLocation) == seq, sourceLocation: sourceLocation)
        return opened
    }

    @Test("a flipped byte in an event's payload names that event, and stays as it was")
    func flippedPayload() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        let damaged = flipped(try payload(sandbox, seq: 6), at: 20)
        try sandbox.tamper("desk.vigil", "UPDATE events SET payload = ? WHERE seq = 6", arguments: [damaged])
        expectDamaged(sandbox, at: 6, reason: "its contents do not match its hash")
        // Never a silent repair: the damaged bytes are still there after both attempts.
        #expect(try payload(sandbox, seq: 6) == damaged)
        #expect(try sandbox.read("desk.vigil", "SELECT count(*) FROM events") as Int? == 10)
    }

    @Test("a flipped byte in an event's hash names that event")
    func flippedHash() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        let hash = try #require(try sandbox.read("desk.vigil", "SELECT hash FROM events WHERE seq = 8") as Data?)
        try sandbox.tamper("desk.vigil", "UPDATE events SET hash = ? WHERE seq = 8", arguments: [flipped(hash, at: 31)])
        expectDamaged(sandbox, at: 8, reason: "its contents do not match its hash")
    }

    @Test("a changed actor or time names that event")
    func rewrittenColumns() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        try sandbox.tamper("desk.vigil", "UPDATE events SET actor = 'kim' WHERE seq = 9")
        expectDamaged(sandbox, at: 9, reason: "its contents do not match its hash")
        try sandbox.tamper("desk.vigil", "UPDATE events SET time_ms = time_ms + 1 WHERE seq = 7")
        expectDamaged(sandbox, at: 7)
    }

    @Test("a column holding the wrong type is damage, not a crash")
    func wrongColumnTypes() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        try sandbox.tamper("desk.vigil", "UPDATE events SET time_ms = 'soon' WHERE seq = 9")
        expectDamaged(sandbox, at: 9)
        try sandbox.tamper("desk.vigil", "UPDATE events SET hash = 12345 WHERE seq = 8")
        expectDamaged(sandbox, at: 8)
    }

    @Test("a NULL where the log needs a value is damage, not a crash")
    func nullColumns() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        // Byte-level damage can turn a value into NULL behind the NOT NULL constraints; a table without them
        // stands in for that.
        try sandbox.tamper("desk.vigil", """
            ALTER TABLE events RENAME TO damaged_events;
            CREATE TABLE events (seq INTEGER PRIMARY KEY, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature);
            INSERT INTO events SELECT * FROM damaged_events;
            DROP TABLE damaged_events;
            CREATE TABLE kept AS SELECT * FROM events WHERE seq = 6;
            """)
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == 10)
        for column in ["payload", "hash", "prev_hash", "actor", "time_ms", "kind", "signature"] {
            try sandbox.tamper("desk.vigil", "UPDATE events SET \(column) = NULL WHERE seq = 6")
            expectDamaged(sandbox, at: 6)
            try sandbox.tamper("desk.vigil", "UPDATE events SET \(column) = (SELECT \(column) FROM kept) WHERE seq = 6")
        }
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == 10)
    }

    @Test("a deleted event is named as missing")
    func deletedEvent() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        try sandbox.tamper("desk.vigil", "DELETE FROM events WHERE seq = 6")
        expectDamaged(sandbox, at: 6, reason: "event 6 is missing (the next one is 7)")
    }

    @Test("two swapped payloads name the first of them")
    func swappedPayloads() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        let five = try payload(sandbox, seq: 5), seven = try payload(sandbox, seq: 7)
        try sandbox.tamper("desk.vigil", "UPDATE events SET payload = ? WHERE seq = 5", arguments: [seven])
        try sandbox.tamper("desk.vigil", "UPDATE events SET payload = ? WHERE seq = 7", arguments: [five])
        expectDamaged(sandbox, at: 5, reason: "its contents do not match its hash")
    }

    @Test("an event forged with a valid hash but a broken chain is named")
    func forgedEvent() throws {
        let sandbox = try StoreSandbox()
        try closedDesk(sandbox)
        // A copy of event 10 moved to 11 keeps its own (valid) hash but no longer follows event 10.
        try sandbox.tamper("desk.vigil", """
            INSERT INTO events (seq, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature)
            SELECT 11, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature FROM events WHERE seq = 10
            """)
        expectDamaged(sandbox, at: 11)
    }

    @Test("a running store meets damage appended by someone else: poll and perform refuse, nothing appended")
    func damageSeenByARunningStore() throws {
        let sandbox = try StoreSandbox()
        let (store, ids) = try sandbox.makeDesk(reports: 2)
        let head = store.state.head
        try sandbox.tamper("desk.vigil", """
            INSERT INTO events (seq, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature)
            SELECT seq + 1, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature FROM events WHERE seq = \(head)
            """)
        #expect(damagedSeq(storeError { _ = try store.poll() }, path: sandbox.path()) == head + 1)
        // Asking again fails again: the feed does not go quiet over damage it has seen once.
        #expect(damagedSeq(storeError { _ = try store.poll() }, path: sandbox.path()) == head + 1)
        #expect(damagedSeq(storeError { try store.perform(.comment(id: ids[0], text: "hello"), as: "ana", now: sandbox.now()) },
                           path: sandbox.path()) == head + 1)
        #expect(try sandbox.read("desk.vigil", "SELECT max(seq) FROM events") as Int64? == head + 1)
        #expect(store.state.head <= head + 1)
    }

    @Test("damage behind a snapshot: open starts from the snapshot, verify walks everything and names it")
    func damageBehindSnapshot() throws {
        let sandbox = try StoreSandbox()
        do {
            let (store, ids) = try sandbox.makeDesk(reports: 3)
            try store.writeSnapshot()
            try store.perform(.comment(id: ids[0], text: "after the snapshot"), as: "ana", now: sandbox.now())
            try store.checkpoint()
        }
        try sandbox.dropAppendOnlyTriggers()
        let damaged = flipped(try payload(sandbox, seq: 5), at: 3)
        try sandbox.tamper("desk.vigil", "UPDATE events SET payload = ? WHERE seq = 5", arguments: [damaged])
        let opened = try SQLiteStore.open(at: sandbox.path())
        #expect(opened.state.head == 8)
        let verified = storeError { _ = try SQLiteStore.verify(at: sandbox.path()) }
        #expect(damagedSeq(verified, path: sandbox.path()) == 5)
        #expect(verified == .damaged(path: sandbox.path(), seq: 5, reason: "its contents do not match its hash"))
    }

    @Test("a snapshot that no longer matches the log, or whose bytes changed, is damage at its seq")
    func damagedSnapshot() throws {
        let sandbox = try StoreSandbox()
        do {
            let (store, _) = try sandbox.makeDesk(reports: 3)
            try store.writeSnapshot()
            try store.checkpoint()
        }
        let snapshot = try #require(try sandbox.read("desk.vigil", "SELECT payload FROM snapshots WHERE seq = 7") as Data?)
        try sandbox.tamper("desk.vigil", "UPDATE snapshots SET payload = ? WHERE seq = 7", arguments: [flipped(snapshot, at: 40)])
        expectDamaged(sandbox, at: 7, reason: "the snapshot at event 7 is damaged (digest mismatch)")

        try sandbox.tamper("desk.vigil", "UPDATE snapshots SET payload = ? WHERE seq = 7", arguments: [snapshot])
        #expect(try SQLiteStore.verify(at: sandbox.path()).snapshots == 1)
        try sandbox.dropAppendOnlyTriggers()
        try sandbox.tamper("desk.vigil", "DELETE FROM events WHERE seq = 7")
        expectDamaged(sandbox, at: 7, reason: "the snapshot at event 7 does not match the log")
    }

    @Test("a snapshot rewritten with a fresh digest opens, but verify finds it does not hold the fold of the log")
    func forgedSnapshot() throws {
        let sandbox = try StoreSandbox()
        // Two stores with the same history except one title: the second's snapshot is a well-formed forgery for the first.
        for (name, title) in [("desk.vigil", "Threat to a defender"), ("forgery.vigil", "Nothing happened")] {
            let store = try SQLiteStore.create(at: sandbox.path(name), admin: "admin", now: sandbox.clock)
            try store.perform(.addUser(User(name: "ana", role: .officer)), as: "admin", now: sandbox.clock)
            try store.perform(.create([.title: title, .country: "NP", .acts: "threat"]), as: "ana", now: sandbox.clock)
            try store.writeSnapshot()
            try store.checkpoint()
        }
        let payload = try #require(try sandbox.read("forgery.vigil", "SELECT payload FROM snapshots WHERE seq = 3") as Data?)
        let digest = try #require(try sandbox.read("forgery.vigil", "SELECT digest FROM snapshots WHERE seq = 3") as Data?)
        try sandbox.tamper("desk.vigil", "UPDATE snapshots SET payload = ?, digest = ? WHERE seq = 3", arguments: [payload, digest])

        #expect(try SQLiteStore.open(at: sandbox.path()).state.reports.first?.fields.title == "Nothing happened")
        let error = storeError { _ = try SQLiteStore.verify(at: sandbox.path()) }
        #expect(error == .damaged(path: sandbox.path(), seq: 3, reason: "the snapshot at event 3 does not hold the fold of the log up to it"))
        #expect(try SQLiteStore.verify(at: sandbox.path("forgery.vigil")).snapshots == 1)
    }

    @Test("a truncated file is damage (or not a store), never a crash", arguments: [0.5, 0.25, 0.8])
    func truncated(fraction: Double) throws {
        let sandbox = try StoreSandbox()
        do {
            let (store, _) = try sandbox.makeDesk(reports: 120)
            try store.checkpoint()
        }
        let path = sandbox.path()
        let size = try sandbox.size("desk.vigil")
        #expect(size > 20 * 4096)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: UInt64(Double(size) * fraction) / 4096 * 4096)
        try handle.close()

        let opened = storeError { _ = try SQLiteStore.open(at: path) }
        let verified = storeError { _ = try SQLiteStore.verify(at: path) }
        for error in [opened, verified] {
            guard case .damaged(let errorPath, _, _)? = error else {
                Issue.record("expected damaged, got \(String(describing: error))")
                continue
            }
            #expect(errorPath == path)
        }
        #expect(opened == verified)
        #expect(opened?.description == "\(path): damaged: database disk image is malformed")
        // Nothing was written back: the file is as truncated as it was.
        #expect(try sandbox.size("desk.vigil") == Int(UInt64(Double(size) * fraction) / 4096 * 4096))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a file truncated inside its first page is damage, naming the file")
    func truncatedHeader() throws {
        let sandbox = try StoreSandbox()
        do {
            let (store, _) = try sandbox.makeDesk(reports: 1)
            try store.checkpoint()
        }
        let path = sandbox.path()
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: 100)
        try handle.close()
        #expect(damagedSeq(storeError { _ = try SQLiteStore.open(at: path) }, path: path) == nil)
        #expect(damagedSeq(storeError { _ = try SQLiteStore.verify(at: path) }, path: path) == nil)
        #expect(try sandbox.size("desk.vigil") == 100)
    }
}

@Suite("Store: the log is append-only")
struct StoreAppendOnlyTests {
    @Test("the database itself refuses UPDATE and DELETE on events")
    func triggersRefuse() throws {
        let sandbox = try StoreSandbox()
        let (store, _) = try sandbox.makeDesk(reports: 1)
        for sql in ["UPDATE events SET actor = 'mallory' WHERE seq = 5", "DELETE FROM events WHERE seq = 5",
                    "DELETE FROM events", "UPDATE events SET payload = x'00'"] {
            do {
                try sandbox.tamper("desk.vigil", sql)
                Issue.record("\(sql) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message == "the event log is append-only", "\(sql)")
            }
        }
        #expect(try sandbox.read("desk.vigil", "SELECT count(*) FROM events") as Int? == 5)
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == 5)
        withExtendedLifetime(store) {}
    }
}
