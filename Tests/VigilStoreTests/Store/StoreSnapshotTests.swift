import Foundation
import Testing
import VigilCore
import VigilStore

/// A plain sealer that cannot seal snapshots: a snapshot write that fails after the events are committed.
private struct SnapshotRefusingSealer: PayloadSealer {
    struct Refused: Error {}
    var scheme: String { "plain" }
    func seal(_ plaintext: Data, associatedData: Data) throws -> Data {
        if associatedData == Data("snapshot".utf8) { throw Refused() }
        return plaintext
    }
    func open(_ sealed: Data, associatedData: Data) throws -> Data { sealed }
}

@Suite("Store: snapshots")
struct StoreSnapshotTests {
    @Test("snapshot, more events, reopen: the same fold, from the snapshot plus the tail")
    func snapshotThenTail() throws {
        let sandbox = try StoreSandbox()
        let (store, ids) = try sandbox.makeDesk(reports: 4)
        try sandbox.escalate(ids[0], in: store)
        try store.writeSnapshot()
        let snapshotHead = store.state.head
        // The tail: events after the snapshot, of several kinds.
        try store.perform(.decide(id: ids[0], outcome: .approve, note: "relocate for a month"), as: "sam", now: sandbox.now())
        try store.perform(.take(id: ids[1]), as: "ana", now: sandbox.now())
        try store.perform(.comment(id: ids[2], text: "partner confirmed — مؤكد"), as: "ana", now: sandbox.now())
        try store.perform(.addUser(User(name: "lee", role: .officer, desks: ["south_asia"])), as: "admin", now: sandbox.now())
        _ = try sandbox.create(in: store, title: "A report after the snapshot")

        let reopened = try SQLiteStore.open(at: sandbox.path())
        #expect(reopened.state.head == snapshotHead + 5)
        #expect(FoldSummary(reopened.state) == FoldSummary(store.state))
        #expect(reopened.state.report(ids[0])?.status == .responding)
        #expect(reopened.state.users["lee"]?.desks == ["south_asia"])
        #expect(reopened.state.reports.count == 5)
        // New ids continue from the restored counters, not from 1.
        let next = try sandbox.create(in: reopened, title: "Another one")
        #expect(next == "R-2026-00006")

        let report = try SQLiteStore.verify(at: sandbox.path())
        #expect(report.snapshots == 1)
        #expect(report.events == snapshotHead + 6)
    }

    @Test("a snapshot at the head reopens with no tail to fold")
    func snapshotAtHead() throws {
        let sandbox = try StoreSandbox()
        let (store, _) = try sandbox.makeDesk(reports: 2)
        try store.writeSnapshot()
        let reopened = try SQLiteStore.open(at: sandbox.path())
        #expect(FoldSummary(reopened.state) == FoldSummary(store.state))
    }

    @Test("snapshots are written past the interval and only the newest two are kept")
    func automaticSnapshots() throws {
        let sandbox = try StoreSandbox()
        let (store, ids) = try sandbox.makeDesk(reports: 1)
        store.snapshotInterval = 4
        for index in 0..<13 {
            try store.perform(.comment(id: ids[0], text: "note \(index)"), as: "ana", now: sandbox.now())
        }
        let seqs: [Int64] = try [sandbox.read("desk.vigil", "SELECT min(seq) FROM snapshots"),
                                 sandbox.read("desk.vigil", "SELECT max(seq) FROM snapshots")].compactMap { $0 }
        #expect(try sandbox.read("desk.vigil", "SELECT count(*) FROM snapshots") as Int? == 2)
        #expect(seqs == [14, 18])
        let reopened = try SQLiteStore.open(at: sandbox.path())
        #expect(FoldSummary(reopened.state) == FoldSummary(store.state))
        #expect(try SQLiteStore.verify(at: sandbox.path()).snapshots == 2)
    }

    @Test("a snapshot that cannot be written does not turn a committed command into a failure")
    func failedSnapshotAfterCommit() throws {
        let sandbox = try StoreSandbox()
        let store = try SQLiteStore.create(at: sandbox.path(), admin: "admin", now: sandbox.now(), sealer: SnapshotRefusingSealer())
        store.snapshotInterval = 2
        try store.perform(.addUser(User(name: "ana", role: .officer)), as: "admin", now: sandbox.now())
        let events = try store.perform(.create([.title: "Threat", .country: "NP", .acts: "threat"]), as: "ana", now: sandbox.now())
        #expect(events.map(\.seq) == [3])
        #expect(store.state.head == 3)
        let reopened = try SQLiteStore.open(at: sandbox.path())
        #expect(reopened.state.reports.map(\.id) == ["R-2026-00001"])
        #expect(try SQLiteStore.verify(at: sandbox.path()).snapshots == 0)
    }

    @Test("an open that had to replay a long log (no usable snapshot) saves one, so the next open starts from it")
    func longReplaySaved() throws {
        let sandbox = try StoreSandbox()
        do {
            let (store, ids) = try sandbox.makeDesk(reports: 1)
            store.snapshotInterval = .max
            let now = sandbox.now()
            try store.performAll((0..<5_000).map { Submission(.comment(id: ids[0], text: "call \($0)"), actor: "ana", now: now) })
        }
        #expect(try sandbox.read("desk.vigil", "SELECT COUNT(*) FROM snapshots") as Int64? == 0)
        let reopened = try SQLiteStore.open(at: sandbox.path())
        #expect(try sandbox.read("desk.vigil", "SELECT MAX(seq) FROM snapshots") as Int64? == reopened.state.head)
        #expect(try SQLiteStore.verify(at: sandbox.path()).snapshots == 1)
    }
}
