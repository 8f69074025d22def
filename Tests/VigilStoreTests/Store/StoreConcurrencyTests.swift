import Foundation
import Testing
import VigilCore
import VigilStore

/// Two `SQLiteStore` instances on one file, as two consoles or commands would be.
@Suite("Store: conditional appends and the change feed")
struct StoreConcurrencyTests {
    @Test("two supervisors decide one escalation: the stale one is told who decided, and nothing is appended")
    func conflictingDecisions() throws {
        let sandbox = try StoreSandbox()
        let (first, ids) = try sandbox.makeDesk(reports: 2)
        try sandbox.escalate(ids[0], in: first)
        let second = try SQLiteStore.open(at: sandbox.path())
        #expect(second.state.report(ids[0])?.status == .escalated)

        let decidedAt = sandbox.now()
        try first.perform(.decide(id: ids[0], outcome: .approve, note: "relocate"), as: "sam", now: decidedAt)
        let head = first.state.head
        // `second` has not polled: its state still shows the escalation open.
        #expect(second.state.report(ids[0])?.status == .escalated)
        do {
            try second.perform(.decide(id: ids[0], outcome: .return, note: "needs more facts"), as: "kim", now: sandbox.now())
            Issue.record("the stale decision was accepted")
        } catch let error as DeskError {
            #expect(error == .conflict("\(ids[0]) was already decided by sam at \(Timestamp.minute(decidedAt)) (approve)"))
        }
        #expect(try SQLiteStore.open(at: sandbox.path()).state.head == head)
        let decisions = try first.history(of: ids[0]).filter { $0.body.kind == "report.decided" }
        #expect(decisions.map(\.actor) == ["sam"])
        // The loser's state is the fresh one: it now shows sam's decision.
        #expect(second.state.report(ids[0])?.status == .responding)
        #expect(FoldSummary(second.state) == FoldSummary(first.state))
    }

    @Test("a return decided first also wins against a stale approval")
    func returnWinsToo() throws {
        let sandbox = try StoreSandbox()
        let (first, ids) = try sandbox.makeDesk(reports: 1)
        try sandbox.escalate(ids[0], in: first)
        let second = try SQLiteStore.open(at: sandbox.path())
        let decidedAt = sandbox.now()
        try first.perform(.decide(id: ids[0], outcome: .return, note: "check the source"), as: "kim", now: decidedAt)
        #expect(throws: DeskError.conflict("\(ids[0]) was already decided by kim at \(Timestamp.minute(decidedAt)) (return)")) {
            try second.perform(.decide(id: ids[0], outcome: .approve, note: "go"), as: "sam", now: sandbox.now())
        }
    }

    @Test("interleaved writers without polling: no event lost, duplicated or reordered")
    func interleavedWriters() throws {
        let sandbox = try StoreSandbox()
        let (first, ids) = try sandbox.makeDesk(reports: 1)
        let second = try SQLiteStore.open(at: sandbox.path())
        let start = first.state.head
        var expected: [String] = []
        for index in 0..<10 {
            let (writer, name) = index.isMultiple(of: 3) ? (second, "second") : (first, "first")
            let text = "\(name) \(index)"
            let events = try writer.perform(.comment(id: ids[0], text: text), as: "ana", now: sandbox.now())
            #expect(events.map(\.seq) == [start + Int64(index) + 1])
            expected.append(text)
        }
        let fresh = try SQLiteStore.open(at: sandbox.path())
        #expect(fresh.state.report(ids[0])?.comments.map(\.text) == expected)
        // `second` wrote last (index 9), so it is caught up; `first` has not seen that last comment.
        #expect(try second.poll() == [])
        #expect(try first.poll().map(\.seq) == [start + 10])
        #expect(FoldSummary(first.state) == FoldSummary(fresh.state))
        #expect(FoldSummary(second.state) == FoldSummary(fresh.state))
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == start + 10)
    }

    @Test("the change feed: poll returns what another instance appended, once, and [] when nothing changed")
    func changeFeed() throws {
        let sandbox = try StoreSandbox()
        let (writer, ids) = try sandbox.makeDesk(reports: 2)
        let reader = try SQLiteStore.open(at: sandbox.path())
        #expect(try reader.poll() == [])

        var appended = try writer.perform(.take(id: ids[0]), as: "ana", now: sandbox.now())
        appended += try writer.perform(.comment(id: ids[1], text: "first call"), as: "ana", now: sandbox.now())
        appended += try writer.perform(.addUser(User(name: "lee", role: .auditor)), as: "admin", now: sandbox.now())
        let seen = try reader.poll()
        #expect(seen == appended)
        #expect(seen.map(\.body.kind) == ["report.taken", "report.commented", "user.added"])
        #expect(FoldSummary(reader.state) == FoldSummary(writer.state))
        for _ in 0..<3 { #expect(try reader.poll() == []) }

        // Its own appends are already in its state: the feed does not hand them back.
        let own = try reader.perform(.comment(id: ids[0], text: "from the reader"), as: "ana", now: sandbox.now())
        #expect(try reader.poll() == [])
        #expect(try writer.poll() == own)
        #expect(try writer.poll() == [])
        #expect(FoldSummary(reader.state) == FoldSummary(writer.state))
    }

    @Test("the change feed keeps up with a writer that already caught up inside its own append")
    func feedAfterCatchUpInAppend() throws {
        let sandbox = try StoreSandbox()
        let (first, ids) = try sandbox.makeDesk(reports: 1)
        let second = try SQLiteStore.open(at: sandbox.path())
        let theirs = try first.perform(.comment(id: ids[0], text: "theirs"), as: "ana", now: sandbox.now())
        // The append folds `theirs` first, then appends after it.
        let mine = try second.perform(.comment(id: ids[0], text: "mine"), as: "ana", now: sandbox.now())
        #expect(mine.map(\.seq) == [theirs[0].seq + 1])
        #expect(try second.poll() == [])
        #expect(try first.poll() == mine)
        #expect(second.state.report(ids[0])?.comments.map(\.text) == ["theirs", "mine"])
    }

    @Test("performAll is all or nothing: a refused command in the middle leaves no events and a state equal to a fresh open")
    func performAllIsAtomic() throws {
        let sandbox = try StoreSandbox()
        let (store, ids) = try sandbox.makeDesk(reports: 2)
        let other = try SQLiteStore.open(at: sandbox.path())
        // Someone else appends first, so the failing batch also catches up inside its transaction.
        try other.perform(.comment(id: ids[1], text: "from the other console"), as: "ana", now: sandbox.now())
        let head = other.state.head

        let batch: [Command] = [
            .comment(id: ids[0], text: "batch 1"),
            .take(id: ids[0]),
            .create([.title: "In the batch", .country: "KE", .acts: "threat"]),
            .decide(id: ids[1], outcome: .approve, note: "not escalated"),
            .comment(id: ids[1], text: "batch 5"),
        ]
        do {
            try store.performAll(batch, as: "ana", now: sandbox.now())
            Issue.record("the batch was accepted")
        } catch let error as DeskError {
            guard case .refused(let message) = error else { Issue.record("expected a refusal, got \(error)"); return }
            #expect(message.contains(ids[1]))
        }
        let fresh = try SQLiteStore.open(at: sandbox.path())
        #expect(fresh.state.head == head)
        #expect(fresh.state.reports.count == 2)
        #expect(FoldSummary(store.state) == FoldSummary(fresh.state))
        #expect(try store.history(of: ids[0]).map(\.body.kind) == ["report.created"])
        #expect(try other.poll() == [])

        // The store is still usable, and the same batch without the refused command goes in whole.
        var good = batch
        good.remove(at: 3)
        let events = try store.performAll(good, as: "ana", now: sandbox.now())
        #expect(events.map(\.seq) == Array((head + 1)...(head + 4)))
        #expect(events.compactMap(\.reportID) == [ids[0], ids[0], "R-2026-00003", ids[1]])
        #expect(try other.poll() == events)
        #expect(try SQLiteStore.verify(at: sandbox.path()).events == head + 4)
    }

    @Test("a failed single command leaves the in-memory state untouched")
    func refusedSingleCommand() throws {
        let sandbox = try StoreSandbox()
        let (store, ids) = try sandbox.makeDesk(reports: 1)
        let before = FoldSummary(store.state)
        #expect(throws: DeskError.notOnRoster("mallory")) {
            try store.perform(.comment(id: ids[0], text: "hi"), as: "mallory", now: sandbox.now())
        }
        #expect(throws: DeskError.notFound("R-2026-09999")) {
            try store.perform(.take(id: "R-2026-09999"), as: "ana", now: sandbox.now())
        }
        #expect(FoldSummary(store.state) == before)
        #expect(FoldSummary(try SQLiteStore.open(at: sandbox.path()).state) == before)
    }
}
