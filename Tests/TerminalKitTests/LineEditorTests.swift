import Testing
import TerminalKit

@Suite struct LineEditorTests {
    @Test func typingAndMoving() {
        var editor = LineEditor()
        for character in "hllo" { editor.handle(.character(character)) }
        editor.handle(.home)
        editor.handle(.right)
        editor.handle(.character("e"))
        #expect(editor.text == "hello")
        #expect(editor.cursor == 2)
        editor.handle(.end)
        #expect(editor.cursor == 5)
        editor.handle(.left)
        editor.handle(.delete)
        #expect(editor.text == "hell")
        editor.handle(.backspace)
        #expect(editor.text == "hel" && editor.cursor == 3)
        editor.handle(.right)
        #expect(editor.cursor == 3)
    }

    @Test func boundariesDoNothing() {
        var editor = LineEditor("ab", cursor: 0)
        editor.backspace()
        editor.moveLeft()
        #expect(editor.text == "ab" && editor.cursor == 0)
        editor.moveEnd()
        editor.delete()
        #expect(editor.text == "ab" && editor.cursor == 2)
        #expect(LineEditor("abc", cursor: 99).cursor == 3)
        #expect(LineEditor("abc", cursor: -4).cursor == 0)
    }

    @Test func controlKeys() {
        var editor = LineEditor("one two  three")
        editor.handle(.ctrl("w"))
        #expect(editor.text == "one two  ")
        editor.handle(.ctrl("w"))
        #expect(editor.text == "one ")
        editor.handle(.ctrl("a"))
        #expect(editor.cursor == 0)
        editor.handle(.ctrl("e"))
        editor.handle(.ctrl("u"))
        #expect(editor.text.isEmpty && editor.cursor == 0)
        var kill = LineEditor("abcdef", cursor: 2)
        kill.handle(.ctrl("k"))
        #expect(kill.text == "ab")
        let handled = [kill.handle(.ctrl("x")), kill.handle(.enter), kill.handle(.up)]
        #expect(handled == [false, false, false])
        #expect(kill.text == "ab")
    }

    @Test func graphemesAreOneStep() {
        var editor = LineEditor("a👩🏽‍⚖️李🇨🇴")
        #expect(editor.cursor == 4)
        #expect(editor.cursorColumn == 7)
        editor.backspace()
        #expect(editor.text == "a👩🏽‍⚖️李")
        editor.moveLeft()
        #expect(editor.cursorColumn == 3)
        editor.insert("محمد")
        #expect(editor.text == "a👩🏽‍⚖️محمد李")
        #expect(editor.cursor == 6)
    }

    @Test func combiningMarkJoinsItsBase() {
        var editor = LineEditor("e")
        editor.insert("\u{301}")
        #expect(editor.graphemes.count == 1)
        #expect(editor.cursor == 1)
    }

    @Test func controlCharactersAreNotInserted() {
        var editor = LineEditor()
        editor.insert("a\u{1B}b\u{202E}c\td\ne")
        #expect(editor.text == "abc d e")
        var multi = LineEditor(allowsNewlines: true)
        multi.insert("a\nb")
        let handledEnter = multi.handle(.enter)
        #expect(handledEnter)
        #expect(multi.text == "a\nb\n")
    }
}
