/// A semantic role for a cell; a `Theme` decides what each role looks like.
public enum Role: String, CaseIterable, Sendable {
    case normal
    case dim
    case title
    case header
    case border
    case selection
    case selectionUnfocused
    case focus
    case badgeLow
    case badgeMedium
    case badgeHigh
    case badgeCritical
    case overdue
    case error
    case warning
    case success
    case statusBar
    case statusBarKey
    case prompt
    case input
    case inputCursor
    case key
    case link
    case masked

    /// One letter per role, used by `Grid.roleLines()` so style tests read like a picture.
    ///
    /// `.` normal, `d` dim, `T` title, `H` header, `b` border, `S` selection, `s` selectionUnfocused,
    /// `F` focus, `1` badgeLow, `2` badgeMedium, `3` badgeHigh, `4` badgeCritical, `O` overdue,
    /// `E` error, `W` warning, `G` success, `=` statusBar, `#` statusBarKey, `P` prompt, `I` input,
    /// `C` inputCursor, `k` key, `L` link, `M` masked.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .header: "H"
        case .border: "b"
        case .selection: "S"
        case .selectionUnfocused: "s"
        case .focus: "F"
        case .badgeLow: "1"
        case .badgeMedium: "2"
        case .badgeHigh: "3"
        case .badgeCritical: "4"
        case .overdue: "O"
        case .error: "E"
        case .warning: "W"
        case .success: "G"
        case .statusBar: "="
        case .statusBarKey: "#"
        case .prompt: "P"
        case .input: "I"
        case .inputCursor: "C"
        case .key: "k"
        case .link: "L"
        case .masked: "M"
        }
    }

    /// The role whose `code` is `code`, if any.
    public init?(code: Character) {
        guard let role = Role.allCases.first(where: { $0.code == code }) else { return nil }
        self = role
    }
}
