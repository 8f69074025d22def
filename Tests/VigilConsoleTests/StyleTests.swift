import Foundation
import TerminalKit
import Testing
import VigilConsole
import VigilCore

/// Meaning carried by roles (read through the grid's role map, never escape codes), and without colour.
@Suite("Styles, through the role map")
struct StyleTests {
    @Test("the selected row is drawn in the selection role across the list, other rows are not")
    func selectedRow() throws {
        let state = Fixture.state()
        let grid = ConsoleView.render(state)
        let selectedID = try #require(state.list.current?.report.id)
        let list = try #require(ConsoleLayout(state).list).inset(by: 1)
        let row = try #require(grid.find(selectedID, in: list).first)
        #expect(grid.roles(y: row.y, from: list.x, to: list.maxX).allSatisfy { $0 == .selection })
        let other = try #require(grid.find(state.list.rows[1].report.id, in: list).first)
        #expect(!grid.roles(y: other.y, from: list.x, to: list.maxX).contains(.selection))
    }

    @Test("with the detail focused, the list's selection is drawn unfocused")
    func unfocusedSelection() throws {
        var state = Fixture.state()
        Fixture.press(&state, .enter)
        #expect(state.focus == .detail)
        let grid = ConsoleView.render(state)
        let id = try #require(state.list.current?.report.id)
        let list = try #require(ConsoleLayout(state).list)
        let row = try #require(grid.find(id, in: list).first)
        #expect(grid.roles(row).allSatisfy { $0 == .selectionUnfocused })
    }

    @Test("CRIT and HIGH badges, overdue clocks and unassessed reports have their roles")
    func badges() throws {
        var state = Fixture.state()
        // Keep the selection off the rows checked: the selected row is all selection.
        select(&state, id: Fixture.id("Indus"))
        let grid = ConsoleView.render(state)
        let list = try #require(ConsoleLayout(state).list)
        let kestrel = try #require(grid.find(Fixture.id("Kestrel"), in: list).first)
        let crit = try #require(grid.find("CRIT 25").first)
        #expect(crit.y == kestrel.y)
        #expect(grid.roles(crit).allSatisfy { $0 == .badgeCritical })
        let high = try #require(grid.find("HIGH 6").first)
        #expect(grid.roles(high).allSatisfy { $0 == .badgeHigh })
        let medium = try #require(grid.find("MED 2").first)
        #expect(grid.roles(medium).allSatisfy { $0 == .selection }, "the selected row wins over its badge")
        // 枫叶's acknowledgement is overdue: the NEXT DUE cell says so with "!" and the overdue role.
        let overdue = try #require(grid.find("!6h ago ack").first)
        #expect(overdue.y == grid.find("枫叶").first?.y)
        #expect(grid.roles(overdue).allSatisfy { $0 == .overdue })
        let onTime = try #require(grid.find("in 22h ack").first)
        #expect(!grid.roles(onTime).contains(.overdue))
        // The status bar's overdue count is in the overdue role too.
        let count = try #require(grid.find("3 overdue").first)
        #expect(count.y == grid.height - 1)
        #expect(grid.roles(count).allSatisfy { $0 == .overdue })
    }

    @Test("wide characters keep one role across both cells, and the columns after them line up")
    func wideCells() throws {
        var state = Fixture.state()
        select(&state, id: Fixture.id("Indus"))
        let grid = ConsoleView.render(state)
        let cjk = try #require(grid.find("枫叶").first)
        #expect(cjk.width == 4)
        #expect(grid[cjk.x + 1, cjk.y].isContinuation)
        // Every NEXT DUE cell starts in the same column, whatever the script of the pseudonym before it.
        let dueColumns = Set(["!6h ago ack", "in 22h ack", "in 36h dec", "in 5d dec"].compactMap { grid.find($0).first?.x })
        #expect(dueColumns.count == 1)
        let names = ["枫叶", "Соняш", "Río", "صقر", "Padma"].compactMap { grid.find($0).first?.x }
        #expect(Set(names).count == 1 && names.count == 5)
    }

    @Test("the focused pane's border is in the focus role, the others in the border role")
    func focusBorder() throws {
        let state = Fixture.state()
        let grid = ConsoleView.render(state)
        let layout = ConsoleLayout(state)
        let list = try #require(layout.list)
        let facets = try #require(layout.facets)
        #expect(grid[list.x, list.y].role == .focus)
        #expect(grid[facets.x, facets.y].role == .border)
        #expect(grid.lines()[list.y].contains("[ Reports"), "focus shows without colour too")
    }

    @Test("errors are in the error role: the filter prompt's and a form field's")
    func errors() throws {
        let grid = ConsoleView.render(Scene.filterError.state(.medium))
        let error = try #require(grid.find("'hihg' is not a risk level").first)
        #expect(grid.roles(error).allSatisfy { $0 == .error })
        let form = ConsoleView.render(Scene.intakeErrors.state(.large))
        let required = form.find("is required")
        #expect(required.count == 2)
        #expect(required.allSatisfy { form.roles($0).allSatisfy { $0 == .error } })
    }

    @Test("the monochrome theme has no colour, and keeps the roles that carry meaning apart")
    func monochrome() {
        let theme = Theme.monochrome
        #expect(!theme.usesColour)
        for role in TerminalKit.Role.allCases { #expect(!theme[role].usesColour, "\(role) has a colour") }
        #expect(theme[.selection] != theme[.normal])
        #expect(theme[.badgeCritical] != theme[.normal])
        #expect(theme[.overdue] != theme[.normal])
        #expect(theme[.error] != theme[.normal])
        #expect(theme[.focus] != theme[.border])
        #expect(Theme.colour.withoutColour.usesColour == false)
        // Every role a real screen uses still looks like something under monochrome, or is plain on purpose.
        let used = Set(ConsoleView.render(Fixture.state()).roleLines().joined())
        #expect(used.allSatisfy { TerminalKit.Role(code: $0) != nil })
    }

    @Test("a form open takes the focus: the list behind it does not also look focused")
    func formFocus() throws {
        let state = Scene.assess.state(.medium)
        let grid = ConsoleView.render(state)
        let layout = ConsoleLayout(state)
        let list = try #require(layout.list)
        let detail = try #require(layout.detail)
        #expect(grid[detail.x, detail.y].role == .focus)
        #expect(grid[list.x, list.y].role == .border)
        #expect(!grid.lines()[list.y].contains("[ Reports"))
    }
}
