import Foundation

/// One entry of the append-only log: who did what to which report, when.
public struct Event: Sendable, Equatable {
    public let seq: Int64
    /// The report the event is about; nil for roster and settings events.
    public let reportID: String?
    public let actor: String
    public let time: Date
    public let body: EventBody

    public init(seq: Int64, reportID: String?, actor: String, time: Date, body: EventBody) {
        self.seq = seq
        self.reportID = reportID
        self.actor = actor
        self.time = time
        self.body = body
    }
}

/// An event decided but not yet appended: the store gives it a seq, the actor and the time.
public struct PendingEvent: Sendable, Equatable {
    public let reportID: String?
    public let body: EventBody

    public init(reportID: String?, body: EventBody) {
        self.reportID = reportID
        self.body = body
    }
}
