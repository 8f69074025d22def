/// The scrypt cost a user's key row was derived with. New rows use `standard`; a row whose parameters fall outside
/// `accepted` is refused before any derivation: a lowered cost would make a stolen file cheaper to attack, and an
/// absurd one would make opening eat all memory.
public struct ScryptParameters: Sendable, Equatable, CustomStringConvertible {
    /// N, the CPU and memory cost (a power of two).
    public let n: Int
    /// r, the block size.
    public let r: Int
    /// p, the parallelism.
    public let p: Int

    public init(n: Int, r: Int, p: Int) {
        self.n = n
        self.r = r
        self.p = p
    }

    /// N = 2^17, r = 8, p = 1: 128 MiB and about half a second per derivation in a release build.
    public static let standard = ScryptParameters(n: 1 << 17, r: 8, p: 1)
    /// The smallest N accepted on open.
    static let minimumN = 1 << 17
    /// The largest N accepted on open (1 GiB of memory at r = 8); anything above is taken for tampering.
    static let maximumN = 1 << 20

    /// Whether these are parameters this build derives with.
    var isAccepted: Bool {
        n >= Self.minimumN && n <= Self.maximumN && n & (n - 1) == 0 && r == 8 && p == 1
    }

    public var description: String { "N=\(n), r=\(r), p=\(p)" }

    /// What `accepted` means, for the refusal message.
    static let acceptedRange = "N a power of two from 2^17 to 2^20, r = 8, p = 1"
}
