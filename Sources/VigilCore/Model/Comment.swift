import Foundation

/// A comment in a report's thread.
public struct Comment: Codable, Sendable, Equatable {
    public var seq: Int64
    public var author: String
    public var at: Date
    public var text: String

    public init(seq: Int64, author: String, at: Date, text: String) {
        self.seq = seq
        self.author = author
        self.at = at
        self.text = text
    }
}
