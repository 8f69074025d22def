import Testing
import TerminalKit

@Suite struct DisplayWidthTests {
    @Test func asciiAndControls() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of(" " as Character) == 1)
        #expect(DisplayWidth.of("\u{1B}" as Character) == 0)
        #expect(DisplayWidth.of("\t" as Character) == 0)
        #expect(DisplayWidth.of("\r\n" as Character) == 0)
        #expect(DisplayWidth.of("\u{7F}" as Character) == 0)
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func eastAsianWideIsTwo() {
        for character: Character in ["李", "中", "한", "あ", "カ", "Ａ", "　", "㐀", "𠀀"] {
            #expect(DisplayWidth.of(character) == 2, "\(character)")
        }
        #expect(DisplayWidth.of("李小龙") == 6)
        #expect(DisplayWidth.of("ｶ" as Character) == 1, "halfwidth katakana stays narrow")
    }

    @Test func rightToLeftLettersAreOne() {
        #expect(DisplayWidth.of("محمد") == 4)
        #expect(DisplayWidth.of("שלום") == 4)
        // Arabic with harakat: the marks join their letters and add nothing.
        #expect(DisplayWidth.of("مُحَمَّد") == 4)
    }

    @Test func combiningMarksAddNothing() {
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)
        #expect(DisplayWidth.of("\u{301}" as Character) == 0)
        // Decomposed Hangul syllable: leading consonant + vowel + final consonant.
        #expect(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}" as Character) == 2)
    }

    @Test func emojiSequencesAreTwo() {
        #expect(DisplayWidth.of("👩🏽‍⚖️" as Character) == 2)
        #expect(DisplayWidth.of("🇨🇴" as Character) == 2)
        #expect(DisplayWidth.of("❤️" as Character) == 2)
        #expect(DisplayWidth.of("❤" as Character) == 1, "text presentation without VS16")
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧" as Character) == 2)
        #expect(DisplayWidth.of("a❤️b") == 4)
    }

    @Test func bidiAndFormatControlsAreZero() {
        for scalar: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200B] {
            let character = Character(Unicode.Scalar(scalar)!)
            #expect(DisplayWidth.of(character) == 0, "U+\(String(scalar, radix: 16))")
        }
    }

    @Test func ambiguousAndBoxDrawingAreNarrow() {
        for character: Character in ["…", "─", "│", "┌", "█", "▏", "é", "ß", "Ω"] {
            #expect(DisplayWidth.of(character) == 1, "\(character)")
        }
    }
}

@Suite struct TextSanitizerTests {
    @Test func stripsBidiOverridesAndControls() {
        #expect(TextSanitizer.clean("abc\u{202E}def\u{202C}") == "abcdef")
        #expect(TextSanitizer.clean("\u{2067}محمد\u{2069} ok") == "محمد ok")
        #expect(TextSanitizer.clean("a\u{1B}[31mb") == "a[31mb")
        #expect(TextSanitizer.clean("x\u{200F}y") == "xy")
    }

    @Test func whitespaceControlsBecomeSpaces() {
        #expect(TextSanitizer.clean("a\tb\nc\r\nd") == "a b c d")
    }

    @Test func keepsGraphemesIntact() {
        let text = "👩🏽‍⚖️ 🇨🇴 ❤️ 李 مُحَمَّد e\u{301}"
        #expect(TextSanitizer.clean(text) == text)
    }
}
