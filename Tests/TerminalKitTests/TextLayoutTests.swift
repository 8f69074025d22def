import Testing
import TerminalKit

@Suite struct TextLayoutTests {
    @Test func truncateByDisplayWidth() {
        #expect(TextLayout.truncate("hello world", to: 8) == "hello w…")
        #expect(TextLayout.truncate("hello", to: 5) == "hello")
        #expect(TextLayout.truncate("hello", to: 0) == "")
        #expect(TextLayout.truncate("hello", to: 1) == "…")
        // A wide character that would cross the limit is dropped whole.
        #expect(TextLayout.truncate("李小龙大师", to: 6) == "李小…")
        #expect(DisplayWidth.of(TextLayout.truncate("李小龙大师", to: 6)) == 5)
        #expect(TextLayout.truncate("👩🏽‍⚖️👩🏽‍⚖️👩🏽‍⚖️", to: 4) == "👩🏽‍⚖️…")
        #expect(TextLayout.truncate("محمد بن سلمان", to: 6) == "محمد …")
        #expect(TextLayout.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(TextLayout.truncate("abcdef", to: 2, ellipsis: "...") == "ab")
    }

    @Test func padByDisplayWidth() {
        #expect(TextLayout.pad("李", to: 4) == "李  ")
        #expect(TextLayout.pad("李", to: 4, align: .right) == "  李")
        #expect(TextLayout.pad("ab", to: 5, align: .center) == " ab  ")
        #expect(TextLayout.pad("🇨🇴", to: 3) == "🇨🇴 ")
        #expect(TextLayout.pad("❤️", to: 3, align: .right) == " ❤️")
        #expect(TextLayout.pad("محمد", to: 6) == "محمد  ")
        #expect(TextLayout.pad("toolong", to: 4) == "too…")
        #expect(TextLayout.pad("x", to: 0) == "")
        for text in ["李小龙", "محمد", "👩🏽‍⚖️ Ana", "🇨🇴", "plain", ""] {
            #expect(DisplayWidth.of(TextLayout.pad(text, to: 7)) == 7, "\(text)")
        }
    }

    @Test func wrapWords() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abc", width: 10) == ["abc"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("abc", width: 0) == [])
    }

    @Test func wrapKeepsParagraphsAndBlankLines() {
        #expect(TextLayout.wrap("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
        #expect(TextLayout.wrap("a\r\nb", width: 5) == ["a", "b"])
    }

    @Test func wrapHardBreaksLongWords() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("aa bbbbbbb", width: 5) == ["aa", "bbbbb", "bb"])
    }

    @Test func wrapWideAndRightToLeftText() {
        // CJK has no spaces: broken by width, never splitting a character.
        #expect(TextLayout.wrap("李小龙是武术家", width: 5) == ["李小", "龙是", "武术", "家"])
        #expect(TextLayout.wrap("محمد بن سلمان", width: 8) == ["محمد بن", "سلمان"])
        #expect(TextLayout.wrap("👩🏽‍⚖️👩🏽‍⚖️👩🏽‍⚖️", width: 4) == ["👩🏽‍⚖️👩🏽‍⚖️", "👩🏽‍⚖️"])
        #expect(TextLayout.wrap("🇨🇴 ❤️ 🇨🇴", width: 5) == ["🇨🇴 ❤️", "🇨🇴"])
        for line in TextLayout.wrap("Défenseure 李小龙 محمد 👩🏽‍⚖️ ❤️ 🇨🇴 droits humains", width: 7) {
            #expect(DisplayWidth.of(line) <= 7, "\(line)")
        }
    }

    @Test func trailingSpacesDoNotAddALine() {
        #expect(TextLayout.wrap("abcde   ", width: 5) == ["abcde"])
    }
}
