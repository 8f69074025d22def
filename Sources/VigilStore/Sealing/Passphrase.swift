import Foundation

/// A passphrase held in one buffer that is zeroed when the value goes away, so the secret does not linger in
/// freed memory. Copies made before it was handed over (a file's bytes, a terminal line) are the caller's to wipe.
public final class Passphrase {
    private let buffer: UnsafeMutableRawBufferPointer

    /// Takes a copy of `bytes`.
    public init(bytes: some Collection<UInt8>) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: buffer[..<bytes.count]).initializeMemory(as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// The UTF-8 bytes of `text` (for tests and prompts that already hold a String).
    public convenience init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    deinit {
        // Zeroed before the memory goes back to the allocator, where a later allocation could read it.
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        buffer.deallocate()
    }

    /// Its length in bytes.
    public let count: Int

    public var isEmpty: Bool { count == 0 }

    /// Lends the bytes, without a copy that would outlive the call.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
    }

    /// Whether two passphrases are the same (for "type it again").
    public func matches(_ other: Passphrase) -> Bool {
        withBytes { mine in other.withBytes { theirs in mine.elementsEqual(theirs) } }
    }
}
