/// A size along one axis in a "fixed + flexible" layout; an integer literal means `.fixed`.
public enum Length: Sendable, Hashable, ExpressibleByIntegerLiteral {
    /// Exactly this many cells (less only when the space runs out).
    case fixed(Int)
    /// At least `min` cells, plus a share of what is left proportional to `weight`.
    case flex(min: Int = 0, weight: Int = 1)

    public init(integerLiteral value: Int) {
        self = .fixed(value)
    }
}
