/// A named filter and sort: personal (its owner's) or store-wide (everyone's, saved by a supervisor or admin).
public struct SavedView: Codable, Sendable, Equatable {
    public var name: String
    public var filter: String
    public var sort: String
    /// The user it belongs to; nil for a store-wide view.
    public var owner: String?

    public init(name: String, filter: String, sort: String, owner: String?) {
        self.name = name
        self.filter = filter
        self.sort = sort
        self.owner = owner
    }
}
