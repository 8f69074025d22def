/// Where text sits inside a wider space.
public enum TextAlignment: Sendable, Hashable {
    case left
    case right
    case center
}
