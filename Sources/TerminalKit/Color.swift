/// One of the eight basic ANSI colours, or the terminal's own default (works on light and dark backgrounds).
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case `default` = -1
    case black = 0
    case red = 1
    case green = 2
    case yellow = 3
    case blue = 4
    case magenta = 5
    case cyan = 6
    case white = 7

    /// The colour's name for theme files: "default", "black", "red", ...
    public var name: String {
        switch self {
        case .default: "default"
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        }
    }

    /// The colour with that name (case-insensitive), if any.
    public init?(name: String) {
        guard let colour = Color.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = colour
    }
}
