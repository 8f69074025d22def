import Foundation
import GRDB
import Testing
import VigilCore
import VigilStore

/// A private temp folder for one test's store files, removed when the test is done.
/// Roster of `makeDesk`: the admin `admin`, the officer `ana` and the supervisors `sam` and `kim`.
final class StoreSandbox {
    let folder: String
    /// A fixed clock that advances a minute per use, so events have distinct, known times.
    private(set) var clock = Timestamp.parse("2026-03-14T09:30:00Z")!

    init() throws {
        folder = NSTemporaryDirectory() + "vigil-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func path(_ name: String = "desk.vigil") -> String { folder + "/" + name }

    /// The next instant of the test's clock.
    func now() -> Date {
        clock += 60
        return clock
    }

    /// A store with the standard roster and `reports` new reports on the South Asia desk.
    func makeDesk(_ name: String = "desk.vigil", reports: Int = 2) throws -> (SQLiteStore, [String]) {
        let store = try SQLiteStore.create(at: path(name), admin: "admin", now: now())
        try store.perform(.addUser(User(name: "ana", role: .officer)), as: "admin", now: now())
        try store.perform(.addUser(User(name: "sam", role: .supervisor)), as: "admin", now: now())
        try store.perform(.addUser(User(name: "kim", role: .supervisor)), as: "admin", now: now())
        var ids: [String] = []
        for index in 0..<reports {
            ids.append(try create(in: store, title: "Threat to defender \(index)"))
        }
        return (store, ids)
    }

    /// Records a report as `ana`; returns its id.
    func create(in store: SQLiteStore, title: String, country: String = "NP", acts: String = "death_threat") throws -> String {
        let events = try store.perform(.create([.title: title, .country: country, .acts: acts]), as: "ana", now: now())
        return try #require(events.first?.reportID)
    }

    /// Takes, assesses (critical) and escalates a report as `ana`.
    func escalate(_ id: String, in store: SQLiteStore) throws {
        try store.perform(.take(id: id), as: "ana", now: now())
        try store.perform(.assess(id: id, RiskInput(threat: 5, vulnerability: 4, capacity: 2)), as: "ana", now: now())
        try store.perform(.escalate(id: id, reason: "needs relocation", to: nil), as: "ana", now: now())
    }

    /// Runs SQL on the file with a plain connection, outside Vigil: the way damage would be done.
    func tamper(_ name: String = "desk.vigil", _ sql: String, arguments: StatementArguments = []) throws {
        let database = try DatabaseQueue(path: path(name))
        try database.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: arguments) }
        try database.close()
    }

    /// Reads one value from the file with a plain connection.
    func read<Value: DatabaseValueConvertible>(_ name: String = "desk.vigil", _ sql: String, arguments: StatementArguments = []) throws -> Value? {
        let database = try DatabaseQueue(path: path(name))
        defer { try? database.close() }
        return try database.read { db in try Value.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Removes the triggers that keep the log append-only, so a test can damage it.
    func dropAppendOnlyTriggers(_ name: String = "desk.vigil") throws {
        try tamper(name, "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete")
    }

    func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
    }

    func size(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(name))
        return try #require((attributes[.size] as? NSNumber)?.intValue)
    }

    func write(_ data: Data, to name: String) throws {
        try data.write(to: URL(fileURLWithPath: path(name)))
    }
}

/// The parts of a fold that must agree between two stores holding the same log.
struct FoldSummary: Equatable {
    let head: Int64
    let reports: [Report]
    let users: [String: User]
    let deskOverrides: [String: String]
    let clocks: ClockTable

    init(_ state: DeskState) {
        head = state.head
        reports = state.reports
        users = state.users
        deskOverrides = state.deskOverrides
        clocks = state.clocks
    }
}

/// The thrown error as a `StoreError`, failing the test if it is anything else.
func storeError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
    do {
        try body()
        Issue.record("expected a StoreError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The seq a `StoreError.damaged` names (nil if not named), failing the test for any other case.
func damagedSeq(_ error: StoreError?, path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int64? {
    guard case .damaged(let errorPath, let seq, _)? = error else {
        Issue.record("expected StoreError.damaged, got \(String(describing: error))", sourceLocation: sourceLocation)
        return nil
    }
    #expect(errorPath == path, sourceLocation: sourceLocation)
    #expect(error?.description.hasPrefix(path + ": damaged") == true, sourceLocation: sourceLocation)
    return seq
}
