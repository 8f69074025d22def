import Foundation
import GRDB
import VigilCore

/// The event log in one SQLite file (WAL, synchronous=FULL), and the fold of it held in memory.
/// Every append is one BEGIN IMMEDIATE transaction that first catches up with events other processes appended,
/// re-decides the command against that fresh state, then appends; so concurrent writers never lose, duplicate or
/// reorder events, and of two conflicting decisions exactly one wins.
public final class SQLiteStore {
    public let path: String
    public private(set) var state: DeskState
    let database: DatabaseQueue
    let sealer: any PayloadSealer
    /// The signing keys this process may sign events with.
    var keyring: Keyring
    /// Hash of the last event folded into `state`.
    private var headHash: Data
    private var dataVersion: Int64 = -1
    /// Events appended since the last snapshot; a snapshot is written past `snapshotInterval`.
    private var eventsSinceSnapshot: Int64 = 0
    public var snapshotInterval: Int64 = 5_000

    private init(path: String, database: DatabaseQueue, sealer: any PayloadSealer, keyring: Keyring, state: DeskState, headHash: Data) {
        self.path = path
        self.database = database
        self.sealer = sealer
        self.keyring = keyring
        self.state = state
        self.headHash = headHash
    }

    // MARK: - Creating and opening

    /// Creates a new plain store whose first event adds `admin` as its admin, with every user's signing key kept
    /// in clear beside the log (a plain store protects nothing). Refuses to overwrite any existing file.
    /// (`sealer` is for tests of the sealing seam; a sealed store is made with a passphrase.)
    public static func create(at path: String, admin: String, now: Date, sealer: any PayloadSealer = PlainSealer(),
                              vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        if sealer is AEADSealer { throw StoreError.notSealed(path: path) }
        let secrets = UserSecrets.generate(sealed: false)
        return try create(at: path, admin: admin, secrets: secrets, now: now, sealer: sealer, vocabularies: vocabularies) { db in
            try KeysTable.insert(.plain(secrets, for: admin), db)
        }
    }

    /// `prepare` runs in the transaction that creates the schema (the admin's key row, a sealed store's first epoch).
    static func create(at path: String, admin: String, secrets: UserSecrets, now: Date, sealer: any PayloadSealer,
                       vocabularies: Vocabularies, prepare: (Database) throws -> Void) throws -> SQLiteStore {
        try StoreFiles.makePrivateFolder(for: path)
        try StoreFiles.createPrivateFile(path)
        do {
            return try initialise(at: path, admin: admin, secrets: secrets, now: now, sealer: sealer, vocabularies: vocabularies, prepare: prepare)
        } catch {
            // The file is ours (created just now, O_EXCL): leave nothing half-made that a later `init` would refuse
            // to overwrite and a later open would take for a store.
            StoreFiles.removeStore(path)
            throw error
        }
    }

    private static func initialise(at path: String, admin: String, secrets: UserSecrets, now: Date, sealer: any PayloadSealer,
                                   vocabularies: Vocabularies, prepare: (Database) throws -> Void) throws -> SQLiteStore {
        let database = try connect(path)
        try useWAL(database, path: path)
        do {
            try database.write { db in
                try Schema.create(db, storeID: UUID().uuidString, createdAt: Timestamp.format(now), scheme: sealer.scheme)
                try prepare(db)
            }
        } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
        let store = SQLiteStore(path: path, database: database, sealer: sealer, keyring: Keyring([admin: secrets]),
                                state: DeskState(vocabularies: vocabularies), headHash: EventHash.genesis)
        try store.perform(.addUser(User(name: admin, role: .admin, keys: secrets.publicKeys)), as: admin, now: now)
        return store
    }

    /// Opens an existing store: checks what the file is, loads the newest snapshot and folds the events after it,
    /// verifying their hash chain. Damage is reported with the first bad seq; nothing is repaired.
    public static func open(at path: String, sealer: any PayloadSealer = PlainSealer(),
                            vocabularies: Vocabularies = .standard) throws -> SQLiteStore {
        let database = try connectExisting(path)
        let scheme = try readScheme(database, path: path)
        if scheme != sealer.scheme {
            throw StoreError.notAStore(path: path, reason: "payloads are sealed with '\(scheme)', not '\(sealer.scheme)'")
        }
        try useWAL(database, path: path)
        let store = SQLiteStore(path: path, database: database, sealer: sealer, keyring: try keyring(for: sealer, database, path: path),
                                state: DeskState(vocabularies: vocabularies), headHash: EventHash.genesis)
        try store.load()
        return store
    }

    /// What this process may sign with: the unlocking user's key in a sealed store, every user's in a plain one.
    private static func keyring(for sealer: any PayloadSealer, _ database: DatabaseQueue, path: String) throws -> Keyring {
        if let sealer = sealer as? AEADSealer { return Keyring([sealer.holder: sealer.secrets]) }
        do {
            let rows = try database.read { db in try KeysTable.all(db, path: path) }
            var secrets: [String: UserSecrets] = [:]
            for row in rows {
                guard let plain = row.plainSecrets else {
                    throw StoreError.damaged(path: path, seq: nil, reason: "the plain store's key of '\(row.user)' cannot be read")
                }
                secrets[row.user] = plain
            }
            return Keyring(secrets)
        } catch let error as DatabaseError {
            throw classify(error, path: path, seq: nil)
        }
    }

    // MARK: - Reading

    /// Loads the newest snapshot that matches the chain, then folds the events after it.
    private func load() throws {
        var loaded = false
        do {
            try database.read { db in
                // A cursor's row, not a copied one: the snapshot blob (tens of megabytes) is read where SQLite holds it.
                let cursor = try Row.fetchCursor(db, sql: "SELECT seq, chain_hash, digest, payload FROM snapshots ORDER BY seq DESC LIMIT 1")
                if let row = try cursor.next() {
                    let seq: Int64 = try row.storeValue("seq", path: path, seq: nil)
                    // A snapshot in a cache format this build does not read is passed over: the log has it all.
                    guard let restored = try SnapshotCodec.decode(row: row, path: path, sealer: sealer, vocabularies: state.vocabularies) else { return }
                    state = restored
                    let chain: Data = try row.storeValue("chain_hash", path: path, seq: seq)
                    guard let eventHash = try Data.fetchOne(db, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [seq]),
                          eventHash == chain else {
                        throw StoreError.damaged(path: path, seq: seq, reason: "the snapshot at event \(seq) does not match the log")
                    }
                    headHash = chain
                    loaded = true
                }
            }
            if !loaded { state = DeskState(vocabularies: state.vocabularies) }
            _ = try database.read { db in
                try catchUp(db)
                try checkBounds(db, head: state.head)
            }
            // A long replay (no snapshot yet, or one in a format this build does not read) is saved, or every
            // later open would check all those signatures again. Only a cache: failing to write it is no error.
            if eventsSinceSnapshot >= snapshotInterval { try? writeSnapshot() }
            dataVersion = try database.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: state.head + 1)
        }
    }

    /// What folding forward from a head cannot see: a log with no events (every store has its admin's first), and a
    /// row below seq 1, moved or inserted where no walk from event 1 looks.
    func checkBounds(_ db: Database, head: Int64) throws {
        if head == 0 {
            throw StoreError.damaged(path: path, seq: 1, reason: "event 1 is missing (the log is empty; every store starts with its admin)")
        }
        if let stray = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM events WHERE seq < 1") {
            throw StoreError.damaged(path: path, seq: stray, reason: "a row sits at seq \(stray), outside the log (seqs start at 1): moved or inserted")
        }
    }

    /// Folds every event newer than the in-memory head, checking each one's place in the chain.
    @discardableResult
    private func catchUp(_ db: Database) throws -> [Event] {
        try refreshEpochs(db)
        var applied: [Event] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.selectColumns) FROM events WHERE seq > ? ORDER BY seq",
                                         arguments: [state.head])
        while let row = try cursor.next() {
            let stored = try StoredEvent(row: row, path: path)
            // A gap is the missing event's damage, not the next one's chain link.
            guard stored.seq == state.head + 1 else {
                throw StoreError.damaged(path: path, seq: state.head + 1, reason: "event \(state.head + 1) is missing (the next one is \(stored.seq))")
            }
            let event = try decodeChecked(stored, previousHash: headHash, roster: state)
            do {
                try state.apply(event)
            } catch {
                throw StoreError.damaged(path: path, seq: stored.seq, reason: error.problem)
            }
            headHash = stored.hash
            eventsSinceSnapshot += 1
            applied.append(event)
        }
        return applied
    }

    /// Checks a stored row's chain link and hash, opens its payload, decodes it, and checks it was signed by its
    /// actor's key as `roster` (the fold just before it) lists it.
    /// (`checksSignature` false: the caller checks it, as verify does in batches on every core.)
    func decodeChecked(_ stored: StoredEvent, previousHash: Data, roster: DeskState, checksSignature: Bool = true) throws -> Event {
        guard stored.prevHash == previousHash else {
            throw StoreError.damaged(path: path, seq: stored.seq, reason: "its previous-hash does not match the event before it (missing, reordered or inserted events)")
        }
        guard stored.recomputedHash == stored.hash else {
            throw StoreError.damaged(path: path, seq: stored.seq, reason: "its contents do not match its hash")
        }
        let event = try decode(stored)
        if checksSignature, let problem = EventSignature.problem(stored, event, roster: roster) {
            throw StoreError.damaged(path: path, seq: stored.seq, reason: problem)
        }
        return event
    }

    /// The user who unlocked this sealed store, if the fold no longer has them on the roster.
    private var removedHolder: String? {
        guard let holder = (sealer as? AEADSealer)?.holder, state.user(holder) == nil, state.head > 0 else { return nil }
        return holder
    }

    /// Takes up the keys of epochs other processes started (a user removed elsewhere) when the newest is missing.
    private func refreshEpochs(_ db: Database) throws {
        guard let sealer = sealer as? AEADSealer, let agreement = sealer.secrets.agreement else { return }
        let newest = try EpochKeys.newest(db)
        guard newest > 0, !sealer.holds(epoch: newest) else { return }
        for (epoch, key) in try EpochKeys.unwrap(for: sealer.holder, agreement: agreement, db, path: path) {
            sealer.install(key, epoch: epoch)
        }
    }

    func decode(_ stored: StoredEvent) throws -> Event {
        do {
            let plaintext = try sealer.open(stored.payload, associatedData: StoredEvent.associatedData(seq: stored.seq, reportID: stored.reportID))
            let body = try EventBody(kind: stored.kind, payload: plaintext)
            return Event(seq: stored.seq, reportID: stored.reportID, actor: stored.actor,
                         time: Date(timeIntervalSince1970: Double(stored.timeMillis) / 1000), body: body)
        } catch SealingFailure.unknownEpoch where removedHolder != nil {
            throw StoreError.removed(path: path, user: removedHolder!)
        } catch let error as EventDecodingError {
            throw StoreError.damaged(path: path, seq: stored.seq, reason: error.description)
        } catch {
            throw StoreError.damaged(path: path, seq: stored.seq, reason: "its payload cannot be read (\(error))")
        }
    }

    /// Every event about one report, oldest first: the history shown in the detail pane and `vigil show`.
    public func history(of reportID: String) throws -> [Event] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT \(StoredEvent.selectColumns) FROM events WHERE report_id = ? ORDER BY seq",
                                 arguments: [reportID]).map { try decode(StoredEvent(row: $0, path: path)) }
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    /// The change feed: whether another process committed since we last looked (PRAGMA data_version, no table
    /// read), and if so the events it appended, folded into `state`.
    public func poll() throws -> [Event] {
        do {
            return try database.read { db in
                let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                guard version != dataVersion else { return [] }
                let applied = try catchUp(db)
                // Only once caught up: after a failure the next poll must look (and fail) again, not report quiet.
                dataVersion = version
                return applied
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: state.head + 1)
        }
    }

    // MARK: - Writing

    /// Decides a command against the freshest state and appends its events, all in one IMMEDIATE transaction.
    @discardableResult
    public func perform(_ command: Command, as actor: String, now: Date) throws -> [Event] {
        try performAll([command], as: actor, now: now)
    }

    /// Decides and appends several commands atomically: all of them, or none (an import, a bulk action).
    @discardableResult
    public func performAll(_ commands: [Command], as actor: String, now: Date) throws -> [Event] {
        try performAll(commands.map { Submission($0, actor: actor, now: now) })
    }

    /// Decides and appends a script of commands, each with its own actor and time, atomically.
    @discardableResult
    public func performAll(_ submissions: [Submission]) throws -> [Event] {
        try performAll(submissions, alongside: nil)
    }

    /// `alongside` writes in the same transaction, after the events (a new user's key with the event adding them).
    func performAll(_ submissions: [Submission], alongside: ((Database) throws -> Void)?) throws -> [Event] {
        let before = state.head
        let beforeHash = headHash
        let keyringBefore = keyring
        var roster = RosterKeys()
        let submissions = try submissions.map { try roster.prepare($0, sealed: isSealed) }
        for (user, secrets) in roster.generated { keyring.add(user, secrets) }
        do {
            let appended = try database.writeWithoutTransaction { db in
                var appended: [Event] = []
                try db.inTransaction(.immediate) {
                    try catchUp(db)
                    for submission in submissions {
                        let pending = try Decider(state: state, actor: submission.actor, now: submission.now).decide(submission.command)
                        for item in pending {
                            appended.append(try append(item, actor: submission.actor, now: submission.now, db: db))
                            if case .userAdded(let user) = item.body, let secrets = roster.generated[user.name] {
                                try KeysTable.insert(.plain(secrets, for: user.name), db)
                            }
                            if case .userRemoved(let name) = item.body {
                                try roster.remove(name, from: self, db)
                            }
                        }
                    }
                    try alongside?(db)
                    return .commit
                }
                return appended
            }
            for name in roster.removed { keyring.remove(name) }
            // The events are committed: the snapshot is only a cache, so failing to write one must not report
            // the command as failed (a caller would retry it and append it twice). The next append tries again.
            try? snapshotIfDue()
            return appended
        } catch {
            // Events applied in memory during a transaction that did not commit must be forgotten:
            // reload from disk rather than trust a state the log does not hold.
            keyring = keyringBefore
            roster.rollBack(self)
            if state.head != before || headHash != beforeHash { try reloadAfterFailedWrite() }
            if let error = error as? DatabaseError { throw Self.classify(error, path: path, seq: nil) }
            throw error
        }
    }

    private func append(_ pending: PendingEvent, actor: String, now: Date, db: Database) throws -> Event {
        let seq = state.head + 1
        let timeMillis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let plaintext = try pending.body.payload()
        let sealed = try sealer.seal(plaintext, associatedData: StoredEvent.associatedData(seq: seq, reportID: pending.reportID))
        let stored = StoredEvent(seq: seq, reportID: pending.reportID, actor: actor, timeMillis: timeMillis,
                                 kind: pending.body.kind, payload: sealed, prevHash: headHash)
        guard let key = keyring.key(for: actor) else { throw StoreError.cannotSign(path: path, actor: actor) }
        var signed = stored
        signed.signature = try EventSignature.sign(hash: stored.hash, with: key)
        try signed.insert(db)
        let event = Event(seq: seq, reportID: pending.reportID, actor: actor,
                          time: Date(timeIntervalSince1970: Double(timeMillis) / 1000), body: pending.body)
        do {
            try state.apply(event)
        } catch {
            throw StoreError.damaged(path: path, seq: seq, reason: error.problem)
        }
        headHash = stored.hash
        eventsSinceSnapshot += 1
        return event
    }

    private func reloadAfterFailedWrite() throws {
        state = DeskState(vocabularies: state.vocabularies)
        headHash = EventHash.genesis
        eventsSinceSnapshot = 0
        try load()
    }

    /// Closes the database (the last connection to close folds the WAL back into the file); the fold in memory
    /// stays readable, but nothing can be read from or written to the store after this.
    public func close() throws {
        do {
            try database.close()
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    /// Folds the WAL back into the main file, so the file can be moved or copied alone.
    public func checkpoint() throws {
        do {
            _ = try database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
    }

    // MARK: - Snapshots

    private func snapshotIfDue() throws {
        guard eventsSinceSnapshot >= snapshotInterval else { return }
        try writeSnapshot()
    }

    /// Saves the fold at the current head so the next open starts from here.
    public func writeSnapshot() throws {
        let payload = try SnapshotCodec.encode(state, sealer: sealer)
        let seq = state.head
        let chain = headHash
        do {
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO snapshots (seq, chain_hash, digest, payload) VALUES (?, ?, ?, ?)",
                               arguments: [seq, chain, EventHash.digest(payload), payload])
                // Older snapshots are only caches of the same log; keep the newest two.
                try db.execute(sql: "DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 2)")
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, seq: nil)
        }
        eventsSinceSnapshot = 0
    }
}
