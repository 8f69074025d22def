/// A key press, with a stable textual name for keymap files and help screens.
///
/// Names: a printable character is itself (`j`, `J`, `?`, `:`), except `Space`; `C-d` is Ctrl-D (control keys
/// use lowercase letters; Ctrl-C arrives as `.ctrl("c")` because the terminal runs in raw mode); then `Enter`,
/// `Esc`, `Tab`, `S-Tab`, `Backspace`, `Del`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`,
/// `Ins`, `F1`...`F63`. `init?(name:)` reads every name back, and also common aliases.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case ctrl(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case insert
    case function(Int)

    /// The stable name, e.g. "j", "J", "C-d", "Enter", "Esc", "S-Tab", "PgDn", "F1", "Space".
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .ctrl(" "): "C-Space"
        case .ctrl(let character): "C-" + String(character)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        }
    }

    public var description: String { name }

    /// The key a name stands for; nil for an unknown name. Named keys are matched case-insensitively.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let named = Key.namedKeys[lower] {
            self = named
            return
        }
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lower.hasPrefix(prefix) && lower.count > prefix.count {
            let rest = String(name.dropFirst(prefix.count))
            if rest.lowercased() == "space" {
                self = .ctrl(" ")
                return
            }
            guard rest.count == 1, let character = rest.first else { return nil }
            self = .ctrl(Character(character.lowercased()))
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (0...63).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    private static let namedKeys: [String: Key] = [
        "space": .character(" "), "spc": .character(" "),
        "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab,
        "s-tab": .backTab, "backtab": .backTab, "shift-tab": .backTab,
        "backspace": .backspace, "bs": .backspace, "bksp": .backspace,
        "del": .delete, "delete": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown,
        "ins": .insert, "insert": .insert,
    ]
}
