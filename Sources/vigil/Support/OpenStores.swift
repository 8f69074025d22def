import VigilStore

/// The stores this run opened, held until the process ends. Each is closed before exit, so its WAL is folded back
/// into the file as usual; but its fold is not freed: releasing a large fold report by report costs about a tenth
/// of a second per 100,000 reports, and the process is about to hand all its memory back anyway.
enum OpenStores {
    /// Touched only from the command's own thread (main, then the command's run), never concurrently.
    nonisolated(unsafe) private static var stores: [SQLiteStore] = []

    /// Keeps `store` until `closeAll`; returns it.
    static func keep(_ store: SQLiteStore) -> SQLiteStore {
        stores.append(store)
        return store
    }

    /// Closes every kept store's database (the objects stay, so nothing is freed on the way out).
    static func closeAll() {
        for store in stores { try? store.close() }
    }
}
