/// Removes characters that could move the cursor or reorder a line once text reaches the terminal.
///
/// Tabs and line breaks become one space (so words do not run together); other control characters, bidi
/// embedding/override/isolate controls (U+202A...U+202E, U+2066...U+2069), the bidi marks (U+200E, U+200F,
/// U+061C) and other standalone zero-width format characters are dropped. Letters of right-to-left scripts are
/// kept as they are: the terminal does bidi or not, and layout depends only on `DisplayWidth`.
public enum TextSanitizer {
    /// The text with unsafe characters removed or replaced, grapheme by grapheme.
    public static func clean(_ text: String) -> String {
        var needsWork = false
        for character in text where clean(character) != character {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let kept = clean(character) { result.append(kept) }
        }
        return result
    }

    /// The grapheme itself, a space in place of whitespace controls, or nil when it must not be printed.
    public static func clean(_ character: Character) -> Character? {
        if let ascii = character.asciiValue {
            if ascii >= 0x20 && ascii < 0x7F { return character }
            return ascii == 0x09 || ascii == 0x0A || ascii == 0x0D ? " " : nil
        }
        if character == "\r\n" || character == "\u{2028}" || character == "\u{2029}" || character == "\u{85}" {
            return " "
        }
        let scalars = character.unicodeScalars
        if scalars.contains(where: isUnsafe) {
            // A grapheme of only unsafe scalars vanishes; otherwise keep the rest of it.
            let kept = String(String.UnicodeScalarView(scalars.filter { !isUnsafe($0) }))
            return kept.count == 1 ? kept.first : nil
        }
        // Standalone zero-width graphemes (a lone format character or combining mark) have nothing to show.
        return DisplayWidth.of(character) == 0 ? nil : character
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
