import Testing
import TerminalKit

@Suite struct ThemeTests {
    @Test func monochromeUsesNoColour() {
        #expect(!Theme.monochrome.usesColour)
        #expect(Theme.colour.usesColour)
        #expect(!Theme.colour.withoutColour.usesColour)
    }

    @Test func everyRoleIsDefinedInBothThemes() {
        // Only `.normal` may look plain in monochrome; everything else needs a non-colour cue or is body text.
        let plainAllowed: Set<Role> = [.normal, .border, .badgeLow, .success]
        for role in Role.allCases where !plainAllowed.contains(role) {
            #expect(Theme.monochrome[role] != .plain, "\(role)")
        }
    }

    @Test func colouredTextNeverAssumesADarkOrLightBackground() {
        // Black or white text only over a background colour the theme also sets.
        for role in Role.allCases {
            let look = Theme.colour[role]
            if look.foreground == .white || look.foreground == .black {
                #expect(look.background != nil && look.background != .default, "\(role)")
            }
            #expect(look.foreground != .yellow || look.background != nil, "yellow text is unreadable on light backgrounds: \(role)")
        }
    }

    @Test func selectionIsReversedInBoth() {
        #expect(Theme.colour[.selection].reverse)
        #expect(Theme.monochrome[.selection].reverse)
        #expect(Theme.monochrome[.selectionUnfocused] != Theme.monochrome[.selection])
    }

    @Test func bordersHaveBothStyles() {
        #expect(BorderStyle.unicode.horizontal == "─" && BorderStyle.unicode.isUnicode)
        #expect(BorderStyle.ascii.topLeft == "+" && !BorderStyle.ascii.isUnicode)
        #expect(BorderStyle.ascii.ellipsis == "~")
        for character in [BorderStyle.unicode.teeRight, BorderStyle.unicode.teeLeft, BorderStyle.unicode.teeDown, BorderStyle.unicode.teeUp] {
            #expect(DisplayWidth.of(character) == 1)
        }
    }
}
