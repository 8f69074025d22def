import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tamper tests: every byte of a small sealed store's events flipped in turn; events deleted, reordered,
/// duplicated and truncated; the file cut short; sealed payloads swapped. `vigil verify` (`SQLiteStore.verify`)
/// must notice every one and name the seq. The events table's columns are read from the file, so a column
/// added to the log is flipped too without editing this file.
@Suite("Sealing: exhaustive tamper detection")
struct ExhaustiveTamperTests {
    // MARK: - Every byte

    @Test("every byte of an event flipped in place (bit 0; bit 7 of a sample), every bit of its integers: damage at its seq",
          arguments: 1...TamperDesk.events)
    func everyByteFlipped(seq: Int64) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        // One copy and one connection for all of this event's cases: each flip is undone by an UPDATE after its
        // check, which keeps thousands of cases fast; the clean verify at the end proves every undo was exact.
        let database = try forgerConnection(path)
        defer { try? database.close() }
        var tally = Tally()
        var nulls: [String] = []
        for column in desk.columns where column.name != "seq" {
            let original = try value(of: column, at: seq, database)
            // Bit 0 of every byte; bit 7 of every TEXT byte (where it breaks UTF-8) and of every fourth BLOB byte
            // (AES-GCM, SHA-256 and Ed25519 treat every bit alike), which keeps the suite near 15 s.
            let flips = Flip.all(of: original) { index, mask, isText in mask == 0x01 || isText || index % 4 == 0 }
            if flips.isEmpty { nulls.append(column.name) }
            for flip in flips {
                try database.write { db in
                    try db.execute(sql: "UPDATE events SET \(column.quoted) = \(flip.placeholder) WHERE seq = ?", arguments: [flip.value, seq])
                }
                tally.expectDamaged(verdict(path, desk.sealer), at: seq, path: path, "event \(seq) \(column.name) \(flip.label)")
                try restore(column, at: seq, to: original, database)
            }
        }
        // A NULL has no bytes to flip; only report_id may be NULL (events about no report, e.g. the roster's).
        #expect(nulls.allSatisfy { $0 == "report_id" }, "NULL cells of event \(seq): \(nulls)")
        // Not vacuous: prev_hash and hash alone are 64 bytes an event.
        #expect(tally.cases > 64 + 64, "only \(tally.cases) cases")
        #expect(tally.misses == 0, "\(tally.misses) of \(tally.cases) flips of event \(seq) not detected")
        expectClean(path, desk)
    }

    @Test("an event moved off its seq (each bit of the seq flipped; 0; minus itself): the gap, or the row below seq 1, is named",
          arguments: 1...TamperDesk.events)
    func seqMoved(seq: Int64) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        let database = try forgerConnection(path)
        defer { try? database.close() }
        var tally = Tally()
        for (label, moved) in Self.seqMoves(seq) {
            try database.write { db in try db.execute(sql: "UPDATE events SET seq = ? WHERE seq = ?", arguments: [moved, seq]) }
            // A gap is named where the event was missed; the last event leaves none (the log just looks shorter),
            // so the row it became, below seq 1, is what is named.
            let named = seq == TamperDesk.events && moved < 1 ? moved : seq
            tally.expectDamaged(verdict(path, desk.sealer), at: named, path: path, "event \(seq) moved to seq \(moved) (\(label))")
            try database.write { db in try db.execute(sql: "UPDATE events SET seq = ? WHERE seq = ?", arguments: [seq, moved]) }
        }
        #expect(tally.cases > 50, "only \(tally.cases) cases")
        #expect(tally.misses == 0, "\(tally.misses) of \(tally.cases) moves of event \(seq) not named at \(seq)")
        expectClean(path, desk)
    }

    /// Every bit of `seq` flipped, and the seqs below the log a flip may not reach (0, minus itself), where they
    /// land on no other event: landing on one is a reorder (below), and the primary key refuses it anyway.
    private static func seqMoves(_ seq: Int64) -> [(String, Int64)] {
        let moves = (0..<64).map { ("bit \($0)", seq ^ (Int64(1) << $0)) } + [("zero", 0), ("negated", -seq)]
        var seen: Set<Int64> = []
        return moves.filter { !(1...TamperDesk.events).contains($0.1) && seen.insert($0.1).inserted }
    }

    @Test("payload and signature bytes of an event flipped with the chain rewritten to match: still damage at its seq",
          arguments: 1...TamperDesk.events)
    func sealedByteFlippedChainRewritten(seq: Int64) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        let database = try forgerConnection(path)
        defer { try? database.close() }
        // The forger's best case: the chain is unkeyed, so after the flip every link is made to match and only the
        // seal or the signature is left to notice. prev_hash and hash are what the forger rewrites, so they are
        // not flipped here.
        let sealed = desk.columns.filter { ["payload", "signature"].contains($0.name) }
        #expect(sealed.contains { $0.name == "payload" })
        let links = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, prev_hash, hash FROM events WHERE seq >= ?", arguments: [seq])
        }
        var tally = Tally()
        for column in sealed {
            let original = try value(of: column, at: seq, database)
            // A sample, as each case relinks the rest of the log: bit 0 of every other byte, bit 7 of every fifth.
            for flip in Flip.all(of: original, select: { index, mask, _ in mask == 0x01 ? index % 2 == 0 : index % 5 == 1 }) {
                try database.write { db in
                    try db.execute(sql: "UPDATE events SET \(column.quoted) = \(flip.placeholder) WHERE seq = ?", arguments: [flip.value, seq])
                    try ChainRewrite.relink(from: seq, db, path: path)
                }
                tally.expectDamaged(verdict(path, desk.sealer), at: seq, path: path, "event \(seq) \(column.name) \(flip.label), chain rewritten")
                try restore(column, at: seq, to: original, database)
                try database.write { db in
                    for link in links {
                        try db.execute(sql: "UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?",
                                       arguments: [link["prev_hash"] as Data, link["hash"] as Data, link["seq"] as Int64])
                    }
                }
            }
        }
        // A sealed payload carries at least a nonce and a tag (28 bytes).
        #expect(tally.cases > 14, "only \(tally.cases) cases")
        #expect(tally.misses == 0, "\(tally.misses) of \(tally.cases) flips of event \(seq) not detected with the chain rewritten")
        expectClean(path, desk)
    }

    // MARK: - Whole events

    @Test("a deleted event is named, with or without the rest renumbered and the chain rewritten",
          arguments: [Int64(1), 5, 9], [false, true])
    func deleted(seq: Int64, rewrite: Bool) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        try forge(path) { db in
            try db.execute(sql: "DELETE FROM events WHERE seq = ?", arguments: [seq])
            if rewrite {
                // Closing the gap leaves no missing seq: the events after it now sit at seqs their seals do not name.
                try shift(from: seq + 1, by: -1, db)
                try ChainRewrite.relink(from: seq, db, path: path)
            }
        }
        expectDamaged(verdict(path, desk.sealer), at: seq, path: path, "event \(seq) deleted, rewrite \(rewrite)")
    }

    @Test("the log cut short (the last event deleted, or more): verify passes the prefix, but its head is not the one written down",
          arguments: [Int64(1), 2, 3, TamperDesk.events])
    func truncatedLog(count: Int64) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        try forge(path) { db in
            try db.execute(sql: "DELETE FROM events WHERE seq > ?", arguments: [TamperDesk.events - count])
        }
        // A cut log is an earlier state of the same log: every link still holds, so the chain alone cannot see the
        // cut. What shows it is the head verify reports (`chain head ...`), against the one written down before.
        switch verdict(path, desk.sealer) {
        case .passed(let report) where count < TamperDesk.events:
            #expect(report.headHash != desk.headHash, "the head hash did not change with \(count) events cut")
            // So the first seq missing, against the count written down with the head, is report.events + 1.
            #expect(report.events == TamperDesk.events - count)
        case .damaged(let named, let seq, let reason) where count == TamperDesk.events:
            // Every store starts with its admin's event: an empty log is damage at event 1.
            #expect(named == path && seq == 1 && reason == "event 1 is missing (the log is empty; every store starts with its admin)")
        case let other:
            Issue.record("\(count) events cut: verify \(other), expected a pass with another head, or damage at 1 for an empty log")
        }
    }

    @Test("two events swapped (their seqs exchanged), with or without the chain rewritten: the first is named",
          arguments: [(Int64(5), Int64(6)), (4, 8), (1, 10), (9, 10)], [false, true])
    func reordered(pair: (Int64, Int64), rewrite: Bool) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        let (first, second) = pair
        try forge(path) { db in
            // Through a free seq: the primary key refuses two events at one seq even for a moment.
            try db.execute(sql: "UPDATE events SET seq = -1 WHERE seq = ?", arguments: [first])
            try db.execute(sql: "UPDATE events SET seq = ? WHERE seq = ?", arguments: [first, second])
            try db.execute(sql: "UPDATE events SET seq = ? WHERE seq = -1", arguments: [second])
            if rewrite { try ChainRewrite.relink(from: first, db, path: path) }
        }
        expectDamaged(verdict(path, desk.sealer), at: first, path: path, "events \(first) and \(second) swapped, rewrite \(rewrite)")
    }

    @Test("an event duplicated at a new seq (appended, or inserted after itself), with or without the chain rewritten: the copy is named",
          arguments: [(Int64(7), Int64(11)), (10, 11), (1, 11), (7, 8), (4, 5)], [false, true])
    func duplicated(copy: (Int64, Int64), rewrite: Bool) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        let (source, at) = copy
        try forge(path) { db in
            // Inserting inside the log moves the later events up one to make room.
            try shift(from: at, by: 1, db)
            let columns = desk.columns.map(\.quoted).joined(separator: ", ")
            let values = desk.columns.map { $0.name == "seq" ? "?" : $0.quoted }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO events (\(columns)) SELECT \(values) FROM events WHERE seq = ?", arguments: [at, source])
            if rewrite { try ChainRewrite.relink(from: at, db, path: path) }
        }
        expectDamaged(verdict(path, desk.sealer), at: at, path: path, "event \(source) copied to \(at), rewrite \(rewrite)")
    }

    @Test("two sealed payloads swapped, with or without the chain rewritten: the first is named",
          arguments: [(Int64(7), Int64(8)), (4, 5), (2, 9)], [false, true])
    func swappedPayloads(pair: (Int64, Int64), rewrite: Bool) throws {
        let desk = try TamperDesk.shared.get()
        let sandbox = try StoreSandbox()
        let path = try desk.copy(into: sandbox)
        let (first, second) = pair
        try forge(path) { db in
            let payload = { (seq: Int64) in try Data.fetchOne(db, sql: "SELECT payload FROM events WHERE seq = ?", arguments: [seq]) }
            let (one, two) = (try payload(first), try payload(second))
            try db.execute(sql: "UPDATE events SET payload = ? WHERE seq = ?", arguments: [two, first])
            try db.execute(sql: "UPDATE events SET payload = ? WHERE seq = ?", arguments: [one, second])
            if rewrite { try ChainRewrite.relink(from: first, db, path: path) }
        }
        expectDamaged(verdict(path, desk.sealer), at: first, path: path, "payloads of \(first) and \(second) swapped, rewrite \(rewrite)")
    }

    // MARK: - The file

    @Test("the file cut short at every 512 bytes, and one byte short: an error naming the file, never a pass")
    func truncatedFile() throws {
        let desk = try TamperDesk.shared.get()
        let size = try #require((try FileManager.default.attributesOfItem(atPath: desk.path)[.size] as? NSNumber)?.intValue)
        var tally = Tally()
        for length in Array(stride(from: 0, to: size, by: 512)) + [size - 1] {
            let sandbox = try StoreSandbox()
            let path = try desk.copy(into: sandbox)
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.truncate(atOffset: UInt64(length))
            try handle.close()
            tally.cases += 1
            switch verdict(path, desk.sealer) {
            case .damaged(path, _, _), .notAStore(path, _):
                break
            case let other:
                tally.misses += 1
                Issue.record("file of \(size) bytes cut to \(length): verify \(other), expected damage or not-a-store naming \(path)")
            }
        }
        #expect(tally.misses == 0, "\(tally.misses) of \(tally.cases) truncations not detected")
    }
}

// MARK: - The desk

/// A closed, checkpointed sealed desk and the sealer that opens it: built and unlocked once per test process
/// (each scrypt derivation costs about a second), copied for every case, never changed itself.
private struct TamperDesk: Sendable {
    /// Roster 1-3 (admin, ana, sam); reports created 4, 5 and 9; 6 and 10 takes; 7 and 8 two comments on one report.
    static let events: Int64 = 10

    let path: String
    let sealer: AEADSealer
    /// The head hash verify reported for the untouched desk: what a protection desk writes down to notice a cut.
    let headHash: String
    /// The events table as the file declares it (PRAGMA table_info), not as this test knows it.
    let columns: [EventColumn]

    static let shared = Result<TamperDesk, any Error> { try TamperDesk() }

    private init() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        sealer = try SealedFixture.adminSealer(sandbox)
        do {
            // Holding ana's signing key too, as her own console would.
            let store = try SealedFixture.openCopy(sandbox, sealer: sealer)
            let first = try sandbox.create(in: store, title: "First report")
            let second = try sandbox.create(in: store, title: "Second report")
            try store.perform(.take(id: first), as: "ana", now: sandbox.now())
            try store.perform(.comment(id: first, text: "one"), as: "ana", now: sandbox.now())
            try store.perform(.comment(id: first, text: "two"), as: "ana", now: sandbox.now())
            _ = try sandbox.create(in: store, title: "Third report")
            try store.perform(.take(id: second), as: "ana", now: sandbox.now())
            // Folded into the main file and closed (end of scope), so the file alone is the whole store.
            try store.checkpoint()
        }
        try FileManager.default.createDirectory(atPath: tamperDeskFolder, withIntermediateDirectories: true)
        path = tamperDeskFolder + "/desk.vigil"
        try FileManager.default.copyItem(atPath: sandbox.path(), toPath: path)
        atexit { try? FileManager.default.removeItem(atPath: tamperDeskFolder) }

        let report = try SQLiteStore.verify(at: path, sealer: sealer)
        // No snapshot either (the interval is thousands of events), so none can catch damage before the log does.
        guard report.events == Self.events, report.snapshots == 0 else {
            throw FixtureProblem("the desk has \(report.events) events and \(report.snapshots) snapshots, not \(Self.events) and 0")
        }
        headHash = report.headHash
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        columns = try database.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(events)").map { EventColumn(name: $0["name"]) }
        }
    }

    /// A fresh copy of the desk in `sandbox`, ready to damage: the append-only triggers dropped, as anyone with
    /// write access to the file can, and any snapshot too, so that what catches the damage is the chain, the seal
    /// or the signature, never a snapshot's link to the log.
    func copy(into sandbox: StoreSandbox) throws -> String {
        let copy = sandbox.path()
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try sandbox.tamper("desk.vigil", """
            DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; DELETE FROM snapshots
            """)
        return copy
    }
}

private struct FixtureProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where the built desk lives for the test process; removed at exit.
private let tamperDeskFolder = NSTemporaryDirectory() + "vigil-exhaustive-tamper-\(getpid())"

/// A column of the events table; what is flipped follows each value's storage class, not the declared type.
private struct EventColumn: Sendable {
    let name: String
    var quoted: String { "\"\(name)\"" }
}

// MARK: - Damage

/// One changed value for a cell: bytes of a BLOB or TEXT with a bit flipped, or an integer with a bit flipped.
private struct Flip {
    let label: String
    let value: DatabaseValue
    /// TEXT keeps its storage class (as bytes, so a flip may leave invalid UTF-8, as damage on disk would).
    let placeholder: String

    /// Every bit of an integer; of a BLOB's or TEXT's bytes, bit 0 (mask 0x01) and bit 7 (0x80) of those that
    /// `select(index, mask, isText)` picks.
    static func all(of original: DatabaseValue, select: (Int, UInt8, Bool) -> Bool) -> [Flip] {
        switch original.storage {
        case .null:
            return []
        case .blob(let data):
            return bytes(data, placeholder: "?") { select($0, $1, false) }
        case .string(let text):
            return bytes(Data(text.utf8), placeholder: "CAST(? AS TEXT)") { select($0, $1, true) }
        case .int64(let number):
            return (0..<64).map { Flip(label: "bit \($0)", value: (number ^ (Int64(1) << $0)).databaseValue, placeholder: "?") }
        case .double(let number):
            return (0..<64).map { bit in
                Flip(label: "bit \(bit)", value: Double(bitPattern: number.bitPattern ^ (UInt64(1) << bit)).databaseValue, placeholder: "?")
            }
        }
    }

    private static func bytes(_ data: Data, placeholder: String, select: (Int, UInt8) -> Bool) -> [Flip] {
        var flips: [Flip] = []
        for index in 0..<data.count {
            for mask: UInt8 in [0x01, 0x80] where select(index, mask) {
                var damaged = data
                damaged[damaged.startIndex + index] ^= mask
                flips.append(Flip(label: "byte \(index) ^ 0x\(String(mask, radix: 16))", value: damaged.databaseValue, placeholder: placeholder))
            }
        }
        return flips
    }
}

/// A plain connection to a copy, outside Vigil. Durability does not matter for a file about to be thrown away,
/// and each case commits at least twice.
private func forgerConnection(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
    return try DatabaseQueue(path: path, configuration: configuration)
}

/// Runs `change` on the copy in one transaction, then closes the connection, so the file is all there is.
private func forge(_ path: String, _ change: (Database) throws -> Void) throws {
    let database = try forgerConnection(path)
    try database.write { db in try change(db) }
    try database.close()
}

private func value(of column: EventColumn, at seq: Int64, _ database: DatabaseQueue) throws -> DatabaseValue {
    try database.read { db in
        try DatabaseValue.fetchOne(db, sql: "SELECT \(column.quoted) FROM events WHERE seq = ?", arguments: [seq]) ?? .null
    }
}

private func restore(_ column: EventColumn, at seq: Int64, to original: DatabaseValue, _ database: DatabaseQueue) throws {
    try database.write { db in
        try db.execute(sql: "UPDATE events SET \(column.quoted) = ? WHERE seq = ?", arguments: [original, seq])
    }
}


/// Moves every event from `seq` on by `delta`, through negative seqs: the primary key refuses two events at one
/// seq even in the middle of one statement.
private func shift(from seq: Int64, by delta: Int64, _ db: Database) throws {
    try db.execute(sql: "UPDATE events SET seq = -(seq + ?) WHERE seq >= ?", arguments: [delta, seq])
    try db.execute(sql: "UPDATE events SET seq = -seq WHERE seq < 0")
}

// MARK: - Verdicts

/// What verify said about a copy.
private enum Verdict: CustomStringConvertible {
    case damaged(String, seq: Int64?, reason: String)
    case notAStore(String, reason: String)
    case passed(VerifyReport)
    case otherError(String)

    var description: String {
        switch self {
        case .damaged(_, let seq, let reason): "threw damaged at \(seq.map(String.init) ?? "no seq"): \(reason)"
        case .notAStore(_, let reason): "threw not a store: \(reason)"
        case .passed(let report): "passed (\(report.events) events, head \(report.headHash))"
        case .otherError(let error): "threw \(error)"
        }
    }
}

private func verdict(_ path: String, _ sealer: AEADSealer) -> Verdict {
    do {
        return .passed(try SQLiteStore.verify(at: path, sealer: sealer))
    } catch StoreError.damaged(let path, let seq, let reason) {
        return .damaged(path, seq: seq, reason: reason)
    } catch StoreError.notAStore(let path, let reason) {
        return .notAStore(path, reason: reason)
    } catch {
        return .otherError("\(type(of: error)): \(error)")
    }
}

private func expectDamaged(_ verdict: Verdict, at seq: Int64, path: String, _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    var tally = Tally()
    tally.expectDamaged(verdict, at: seq, path: path, label, sourceLocation: sourceLocation)
}

/// Cases tried and missed for one kind of damage. Every miss is its own issue naming the case, so one run shows
/// them all rather than the first.
private struct Tally {
    var cases = 0
    var misses = 0

    mutating func expectDamaged(_ verdict: Verdict, at seq: Int64, path: String, _ label: @autoclosure () -> String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        cases += 1
        if case .damaged(let named, let namedSeq, _) = verdict, named == path, namedSeq == seq { return }
        misses += 1
        Issue.record("\(label()): verify \(verdict), expected damage at event \(seq) of \(path)", sourceLocation: sourceLocation)
    }
}

/// The copy verifies again as the untouched desk did: every flip was undone exactly.
private func expectClean(_ path: String, _ desk: TamperDesk, sourceLocation: SourceLocation = #_sourceLocation) {
    guard case .passed(let report) = verdict(path, desk.sealer) else {
        Issue.record("the copy did not verify after every flip was undone: \(verdict(path, desk.sealer))", sourceLocation: sourceLocation)
        return
    }
    #expect(report.events == TamperDesk.events && report.headHash == desk.headHash, sourceLocation: sourceLocation)
}
