import CNcurses
import TerminalKit

/// What one grid character becomes on its way to ncurses: one cchar per column it covers.
///
/// ncurses advances the cursor by the C library's `wcwidth`, which disagrees with `DisplayWidth` (and with many
/// terminals) on VS16 emoji, ZWJ sequences and flags. Sending exactly `width` columns whose `wcwidth` sums to
/// `width` keeps ncurses, the terminal and our layout on the same column: flags become their two letters
/// ("🇨🇴" -> "CO"), ZWJ sequences their first picture, a narrow-by-libc emoji is followed by a space, and
/// anything the C library cannot print becomes U+FFFD (or "?").
struct NcursesGlyph: Equatable {
    /// The wide characters of each column's cchar (base first, then combining marks), without terminator.
    var columns: [[wchar_t]]

    init(_ character: Character, width: Int) {
        let width = max(1, width)
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            columns = [[wchar_t(ascii)]] + Array(repeating: NcursesGlyph.space, count: width - 1)
            return
        }
        let scalars = Array(character.unicodeScalars)
        let indicators = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        if indicators.count >= 2, width == 2 {
            // A flag: its regional indicators spell the ISO country code.
            columns = indicators.prefix(2).map { [wchar_t(0x41 + $0.value - 0x1F1E6)] }
            return
        }
        guard let baseIndex = scalars.firstIndex(where: { wcwidth(wchar_t($0.value)) > 0 }) else {
            columns = NcursesGlyph.replacement(width: width)
            return
        }
        let base = wchar_t(scalars[baseIndex].value)
        let baseWidth = Int(wcwidth(base))
        guard baseWidth <= width else {
            columns = NcursesGlyph.replacement(width: width)
            return
        }
        var cells = [[base]]
        var used = baseWidth
        let isEmojiSequence = scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }
            || scalars.contains { $0.properties.isEmojiModifier }
        if !isEmojiSequence {
            // Combining marks ride along (ncurses keeps up to CCHARW_MAX - 1 of them); a spacing mark (an Indic
            // vowel sign, one column by wcwidth) starts the next column, so it is drawn rather than dropped.
            for scalar in scalars[(baseIndex + 1)...] {
                let columns = Int(wcwidth(wchar_t(scalar.value)))
                if columns == 0 {
                    if cells[cells.count - 1].count < 5 { cells[cells.count - 1].append(wchar_t(scalar.value)) }
                } else if columns == 1, scalar.properties.generalCategory == .spacingMark, used < width {
                    cells.append([wchar_t(scalar.value)])
                    used += 1
                } else {
                    break
                }
            }
        }
        columns = cells + Array(repeating: NcursesGlyph.space, count: max(width - used, 0))
    }

    /// Total columns the glyph covers.
    var width: Int {
        columns.reduce(0) { $0 + max(1, Int(wcwidth($1.first ?? 0x20))) }
    }

    private static let space: [wchar_t] = [0x20]

    private static func replacement(width: Int) -> [[wchar_t]] {
        let mark: wchar_t = wcwidth(0xFFFD) == 1 ? 0xFFFD : 0x3F
        return [[mark]] + Array(repeating: space, count: width - 1)
    }
}
