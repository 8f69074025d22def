/// The fold at one seq in a form that can be saved and restored, so opening a store need not replay the log.
public struct DeskSnapshot: Codable, Sendable {
    public var head: Int64
    public var reports: [Report]
    public var users: [User]
    public var deskOverrides: [String: String]
    public var clocks: ClockTable
    public var views: [SavedView] = []
    public var lockAfter: Double = 300
    public var wideningRestricted = false
}

extension DeskState {
    public func snapshot() -> DeskSnapshot {
        DeskSnapshot(head: head, reports: reports, users: users.values.sorted { $0.name < $1.name },
                     deskOverrides: deskOverrides, clocks: clocks, views: views, lockAfter: lockAfter, wideningRestricted: wideningRestricted)
    }

    /// Restores a state from a snapshot; applying later events continues from `snapshot.head`.
    public init(snapshot: DeskSnapshot, vocabularies: Vocabularies = .standard) {
        self.init(vocabularies: vocabularies)
        restore(snapshot)
    }
}
