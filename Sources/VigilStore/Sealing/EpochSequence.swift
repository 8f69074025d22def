import Foundation
import VigilCore

/// What `vigil verify` checks of a sealed log's key epochs: they never go back, and after a user is removed
/// the next event is sealed under a newer epoch than any that user held, so the removal really locked them out.
struct EpochSequence {
    let sealed: Bool
    private var last: UInt32 = 0
    /// The epoch in force when a user was removed: every later event must be newer.
    private var removedAt: (epoch: UInt32, name: String, seq: Int64)?
    private var seen: Set<UInt32> = []

    init(sealed: Bool) { self.sealed = sealed }

    /// How many epochs the log used.
    var count: Int { seen.count }

    mutating func problem(_ stored: StoredEvent, _ event: Event) -> String? {
        guard sealed, let epoch = AEADSealer.epoch(of: stored.payload) else { return nil }
        defer {
            last = max(last, epoch)
            seen.insert(epoch)
            if case .userRemoved(let name) = event.body { removedAt = (epoch, name, stored.seq) }
        }
        if epoch < last { return "it is sealed under key epoch \(epoch), older than the epoch \(last) already in use" }
        if let removed = removedAt, epoch <= removed.epoch {
            return "it is sealed under key epoch \(epoch), which \(removed.name) still held after being removed at event \(removed.seq)"
        }
        return nil
    }
}
