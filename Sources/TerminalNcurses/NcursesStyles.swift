import CNcurses
import TerminalKit

/// A theme turned into ncurses attributes and colour pairs, one entry per role.
struct NcursesStyles {
    /// The attributes (without colour bits) and colour pair for a role.
    struct Style: Equatable {
        var attributes: attr_t
        var pair: Int16
    }

    private var styles: [Style]

    /// Computes the styles; when `colour` is true, also defines the colour pairs they need with `init_pair`.
    ///
    /// `defaultColours` says whether the terminal accepted `use_default_colors` (colour -1); if not, the default
    /// foreground and background fall back to white on black.
    init(theme: Theme, colour: Bool, defaultColours: Bool) {
        var pairs: [Pair: Int16] = [:]
        styles = Role.allCases.map { role in
            let look = theme[role]
            var attributes = vigil_A_NORMAL
            if look.bold { attributes |= vigil_A_BOLD }
            if look.underline { attributes |= vigil_A_UNDERLINE }
            if look.reverse { attributes |= vigil_A_REVERSE }
            if look.dim { attributes |= vigil_A_DIM }
            guard colour, look.usesColour else { return Style(attributes: attributes, pair: 0) }
            let key = Pair(
                foreground: NcursesStyles.colourNumber(look.foreground, isBackground: false, defaultColours: defaultColours),
                background: NcursesStyles.colourNumber(look.background, isBackground: true, defaultColours: defaultColours)
            )
            if let existing = pairs[key] { return Style(attributes: attributes, pair: existing) }
            let number = Int16(pairs.count + 1)
            guard Int32(number) < vigil_color_pairs() else { return Style(attributes: attributes, pair: 0) }
            init_pair(number, key.foreground, key.background)
            pairs[key] = number
            return Style(attributes: attributes, pair: number)
        }
    }

    /// Plain styles for all roles (before a theme is applied).
    init() {
        styles = Role.allCases.map { _ in Style(attributes: vigil_A_NORMAL, pair: 0) }
    }

    subscript(role: Role) -> Style {
        styles[NcursesStyles.index[role] ?? 0]
    }

    private struct Pair: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private static let index: [Role: Int] = Dictionary(uniqueKeysWithValues: Role.allCases.enumerated().map { ($1, $0) })

    private static func colourNumber(_ colour: Color?, isBackground: Bool, defaultColours: Bool) -> Int16 {
        let colour = colour ?? .default
        if colour == .default {
            return defaultColours ? -1 : Int16(isBackground ? COLOR_BLACK : COLOR_WHITE)
        }
        return Int16(colour.rawValue)
    }
}
