/// Maps every `Role` to `TextAttributes`.
///
/// Meaning never rests on colour alone: badges spell their level, selection is reversed, errors are bold, so
/// `monochrome` (used under NO_COLOR, `--no-color`, or without colour support) loses nothing but colour.
/// Coloured roles use the terminal's default background, or set both colours, so they read on light and
/// dark terminals alike.
public struct Theme: Sendable, Hashable {
    /// A short name for settings and help ("colour", "monochrome").
    public var name: String
    private var attributes: [Role: TextAttributes]

    /// A theme from explicit attributes; roles left out look `.plain`.
    public init(name: String, attributes: [Role: TextAttributes]) {
        self.name = name
        self.attributes = attributes
    }

    /// The attributes for `role`.
    public subscript(role: Role) -> TextAttributes {
        get { attributes[role] ?? .plain }
        set { attributes[role] = newValue }
    }

    /// True when any role sets a colour.
    public var usesColour: Bool { Role.allCases.contains { self[$0].usesColour } }

    /// This theme with every colour removed.
    public var withoutColour: Theme {
        Theme(name: name, attributes: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, self[$0].withoutColour) }))
    }

    /// The default theme: the eight ANSI colours over the terminal's own background.
    public static let colour = Theme(name: "colour", attributes: [
        .normal: .plain,
        .dim: TextAttributes(dim: true),
        .title: TextAttributes(bold: true),
        .header: TextAttributes(bold: true, underline: true),
        .border: .plain,
        .selection: TextAttributes(bold: true, reverse: true),
        .selectionUnfocused: TextAttributes(reverse: true, dim: true),
        .focus: TextAttributes(foreground: .blue, bold: true),
        .badgeLow: TextAttributes(foreground: .green, bold: true),
        .badgeMedium: TextAttributes(foreground: .black, background: .yellow),
        .badgeHigh: TextAttributes(foreground: .red, bold: true),
        .badgeCritical: TextAttributes(foreground: .white, background: .red, bold: true),
        .overdue: TextAttributes(foreground: .red, bold: true, underline: true),
        .error: TextAttributes(foreground: .red, bold: true),
        .warning: TextAttributes(foreground: .magenta, bold: true),
        .success: TextAttributes(foreground: .green),
        .statusBar: TextAttributes(reverse: true),
        .statusBarKey: TextAttributes(bold: true, reverse: true),
        .prompt: TextAttributes(bold: true),
        .input: TextAttributes(underline: true),
        .inputCursor: TextAttributes(reverse: true),
        .key: TextAttributes(foreground: .blue, bold: true),
        .link: TextAttributes(foreground: .blue, underline: true),
        .masked: TextAttributes(dim: true),
    ])

    /// Bold, reverse, underline and dim only.
    public static let monochrome = Theme(name: "monochrome", attributes: [
        .normal: .plain,
        .dim: TextAttributes(dim: true),
        .title: TextAttributes(bold: true),
        .header: TextAttributes(bold: true, underline: true),
        .border: .plain,
        .selection: TextAttributes(bold: true, reverse: true),
        .selectionUnfocused: TextAttributes(reverse: true, dim: true),
        .focus: TextAttributes(bold: true),
        .badgeLow: .plain,
        .badgeMedium: TextAttributes(bold: true),
        .badgeHigh: TextAttributes(bold: true, underline: true),
        .badgeCritical: TextAttributes(bold: true, reverse: true),
        .overdue: TextAttributes(bold: true, underline: true),
        .error: TextAttributes(bold: true),
        .warning: TextAttributes(bold: true),
        .success: .plain,
        .statusBar: TextAttributes(reverse: true),
        .statusBarKey: TextAttributes(bold: true, reverse: true),
        .prompt: TextAttributes(bold: true),
        .input: TextAttributes(underline: true),
        .inputCursor: TextAttributes(reverse: true),
        .key: TextAttributes(bold: true),
        .link: TextAttributes(underline: true),
        .masked: TextAttributes(dim: true),
    ])
}
