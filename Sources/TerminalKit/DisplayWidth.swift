/// The one measure of how many terminal columns text occupies; every layout decision uses it.
///
/// Pure Swift, independent of the C library's `wcwidth`, so tests and terminals see the same numbers:
/// combining marks and control or format characters are 0; East Asian Wide and Fullwidth characters (CJK,
/// Hangul, kana, fullwidth forms) and emoji presentation characters are 2; a grapheme carrying VS16 (U+FE0F),
/// an emoji ZWJ sequence or a regional-indicator flag is 2; a spacing mark (an Indic vowel sign) adds one
/// column to its base; everything else, including Arabic, Hebrew and East Asian Ambiguous characters, is 1.
public enum DisplayWidth {
    /// Columns occupied by one grapheme (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        var base: Int?
        var count = 0
        var hasVS16 = false
        var hasZWJ = false
        var regionalIndicators = 0
        // Spacing marks (Devanagari and other Indic vowel signs) take a column of their own after the base,
        // as the C library and terminals count them.
        var spacingMarks = 0
        for scalar in scalars {
            count += 1
            if base != nil, scalar.properties.generalCategory == .spacingMark { spacingMarks += 1 }
            switch scalar.value {
            case 0xFE0F: hasVS16 = true
            case 0x200D: hasZWJ = true
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            default: break
            }
            if base == nil {
                let width = of(scalar: scalar)
                if width > 0 { base = width }
            }
        }
        guard let base else { return 0 }
        if count > 1 {
            // Emoji sequences render as one double-width picture in terminals that understand them.
            if hasVS16 || regionalIndicators >= 2 { return 2 }
            if hasZWJ, let first = scalars.first, first.properties.isEmoji { return 2 }
        }
        return base + spacingMarks
    }

    /// Columns occupied by a string: the sum over its graphemes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns occupied by one scalar on its own (0, 1 or 2).
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges from Unicode's EastAsianWidth.txt, merged.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x303E, 0x3041...0x3096, 0x3099...0x30FF,
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155,
        0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
