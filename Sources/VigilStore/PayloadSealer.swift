import Foundation

/// The sealing seam every payload and snapshot passes through on its way to disk. Plain today; an authenticated
/// cipher later, with the same table layout, because the scheme is recorded in the store's meta table.
public protocol PayloadSealer: Sendable {
    /// The scheme name recorded in the store, e.g. `plain`.
    var scheme: String { get }
    func seal(_ plaintext: Data, associatedData: Data) throws -> Data
    func open(_ sealed: Data, associatedData: Data) throws -> Data
}

/// Stores payloads as they are. For demos and tests until sealed stores exist.
public struct PlainSealer: PayloadSealer {
    public init() {}
    public var scheme: String { "plain" }
    public func seal(_ plaintext: Data, associatedData: Data) throws -> Data { plaintext }
    public func open(_ sealed: Data, associatedData: Data) throws -> Data { sealed }
}
