import Foundation

/// Signatures waiting to be checked together on every core: `vigil verify` walks the log in order and hands each
/// event's signature here, and a bad one is named at the lowest seq, as checking one by one would have.
struct SignatureBatch {
    /// One event's signature and the key it must verify under.
    struct Item: Sendable {
        let seq: Int64
        let actor: String
        let signature: Data
        let hash: Data
        let key: Data
    }

    /// Enough to keep the cores busy; small enough that a bad signature is reported soon.
    static let size = 4_096
    private(set) var items: [Item] = []

    var isEmpty: Bool { items.isEmpty }

    /// Adds one; true when the batch is full and should be checked.
    mutating func add(_ item: Item) -> Bool {
        items.append(item)
        return items.count >= Self.size
    }

    /// Checks every waiting signature and empties the batch; the invalid one with the lowest seq, if any.
    mutating func firstInvalid() -> Item? {
        defer { items.removeAll(keepingCapacity: true) }
        let items = self.items
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let lowest = LowestIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                let item = items[index]
                if !EventSignature.isValid(item.signature, hash: item.hash, publicKey: item.key) { lowest.offer(index) }
            }
        }
        return lowest.value.map { items[$0] }
    }
}

/// The lowest index any worker reported; behind a lock, since workers report from their own threads.
private final class LowestIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var lowest: Int?

    func offer(_ index: Int) {
        lock.withLock { lowest = min(lowest ?? index, index) }
    }

    var value: Int? { lock.withLock { lowest } }
}
