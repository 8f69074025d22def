import Foundation

/// What a filter needs besides the report: who "me" is, the injected time, and the store's clocks.
public struct FilterContext: Sendable {
    public let me: String
    public let now: Date
    public let clocks: ClockTable

    public init(me: String, now: Date, clocks: ClockTable) {
        self.me = me
        self.now = now
        self.clocks = clocks
    }
}
