import GRDB

/// The on-disk layout, version 2. `meta` says what the file is; `events` is the append-only, signed log;
/// `snapshots` caches the fold at a seq; `keys` holds users' secrets and, sealed, `epoch_keys` the data keys.
/// Version 1 had no signatures and is not read: its events cannot be shown to be their actors'.
enum Schema {
    static let format = "vigil-store"
    static let version = 2

    static func create(_ db: Database, storeID: String, createdAt: String, scheme: String) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            CREATE TABLE events (
                seq INTEGER PRIMARY KEY NOT NULL,
                report_id TEXT,
                actor TEXT NOT NULL,
                time_ms INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload BLOB NOT NULL,
                prev_hash BLOB NOT NULL,
                hash BLOB NOT NULL,
                signature BLOB NOT NULL
            );
            CREATE INDEX events_by_report ON events (report_id, seq);
            CREATE TABLE snapshots (
                seq INTEGER PRIMARY KEY NOT NULL,
                chain_hash BLOB NOT NULL,
                digest BLOB NOT NULL,
                payload BLOB NOT NULL
            );
            -- The log is append-only: the database itself refuses edits and deletions.
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            """)
        for (key, value) in [("format", format), ("version", String(version)), ("store_id", storeID),
                             ("created_at", createdAt), ("sealing", scheme)] {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        try KeysTable.create(db)
        if scheme != PlainSealer().scheme { try EpochKeys.create(db) }
    }
}
