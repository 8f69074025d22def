import Foundation
import TerminalKit
import GRDB
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// Whole tasks typed through the keymap, as a user would, against a real store in a temp folder.
@Suite("Key scripts against a real store")
struct KeyScriptTests {
    @Test("an officer filters to South Asia high+, moves with j/k/G/g, opens a report and goes back")
    func filterAndOpen() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        console.keys("f")
        #expect(console.state.prompt?.kind == .filter)
        #expect(console.state.prompt?.editor.text == "status:!closed", "the prompt starts from the active filter")
        console.keys("C-u")
        #expect(console.state.prompt?.editor.text == "")
        console.type("desk:south_asia risk:high+")
        #expect(console.state.prompt?.error == nil)
        console.keys("Enter")
        #expect(console.state.prompt == nil)
        let rows = console.state.list.rows.map(\.report)
        #expect(Set(rows.map(\.id)) == [Fixture.id("Himal"), Fixture.id("Monsoon")])
        #expect(rows.allSatisfy { $0.desk == "south_asia" && ($0.riskLevel ?? .low) >= .high })
        #expect(console.state.message?.text == "2 reports match")
        #expect(console.screen.last?.contains("filter: desk:south_asia risk:high+") == true)
        // The list pane shows only those two.
        let grid = ConsoleView.render(console.state)
        let listPane = try #require(ConsoleLayout(console.state).list)
        #expect(grid.find("R-2026-", in: listPane).count == 2)

        #expect(console.state.list.selected == 0)
        console.keys("j")
        #expect(console.state.list.selected == 1)
        console.keys("j")
        #expect(console.state.list.selected == 1, "j stops at the last row")
        console.keys("k")
        #expect(console.state.list.selected == 0)
        console.keys("G")
        #expect(console.state.list.selected == 1)
        console.keys("g")
        #expect(console.state.list.selected == 0)

        let id = try #require(console.state.list.current?.report.id)
        console.keys("Enter")
        #expect(console.state.focus == .detail)
        // Opening loaded the report's history from the store.
        let history = try #require(console.state.history)
        #expect(history.id == id)
        #expect(history.events.map(\.body.kind).first == "report.created")
        #expect(history.events.count == (try fixture.store.history(of: id)).count)
        // G in the detail scrolls to its end: the history, from the store, not "loading...".
        console.keys("G")
        #expect(console.screenText.contains("History"))
        #expect(console.screenText.contains("#\(history.events[history.events.count - 1].seq) "))
        #expect(!console.screenText.contains("loading..."))
        console.keys("Esc")
        #expect(console.state.focus == .list)
        #expect(console.state.list.current?.report.id == id)
    }

    @Test("an officer's own desks are the starting filter")
    func officerDefaultFilter() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "rahul")
        #expect(console.state.filter.text.contains("desk:south_asia,south_east_asia_pacific,east_asia"))
        let desks = Set(console.state.list.rows.map(\.report.desk))
        #expect(desks.isSubset(of: ["south_asia", "south_east_asia_pacific", "east_asia"]))
        #expect(console.listedIDs.contains(Fixture.id("枫叶")))
    }

    @Test("assess a report high, escalate it, and a supervisor approves it from the queue")
    func assessEscalateApprove() throws {
        let fixture = try FixtureStore()
        let padma = Fixture.id("Padma")
        let officer = ConsoleDriver(fixture, user: "noor")
        officer.select(padma)
        #expect(officer.state.selectedReport?.status == .inTriage)
        let before = try fixture.eventCount()

        officer.keys("a")
        #expect(officer.state.form?.kind == .assess(padma))
        // T: a digit; V: Left from 3; C: a digit. 5 x 2 / 2 = 5, the bottom of the high band.
        officer.keys("5 Tab Left Tab 2")
        #expect(officer.state.form?.riskInput.threat == 5)
        #expect(officer.state.form?.riskInput.vulnerability == 2)
        #expect(officer.state.form?.riskInput.capacity == 2)
        #expect(officer.screenText.contains("T5 x V2 / C2 = 5"), "the score updates live")
        officer.keys("C-s")
        #expect(officer.state.form == nil)
        #expect(officer.state.message == StatusMessage("\(padma) assessed"))
        #expect(try fixture.eventCount() == before + 1)
        let assessed = try #require(try fixture.store.history(of: padma).last)
        #expect(assessed.body.kind == "report.assessed")
        #expect(assessed.actor == "noor")
        let report = try #require(try fixture.openAnother().state.report(padma))
        #expect(report.status == .assessed)
        #expect(report.riskLevel == .high)
        #expect(report.riskScore == 5)

        officer.keys("e")
        #expect(officer.state.form?.kind == .escalate(padma))
        officer.type("Union office attacked twice this week")
        officer.keys("C-s")
        #expect(officer.state.form == nil)
        #expect(officer.state.message == StatusMessage("\(padma) escalated"))
        #expect(try fixture.openAnother().state.report(padma)?.status == .escalated)
        #expect(try fixture.store.history(of: padma).last?.body.kind == "report.escalated")

        // The supervisor's console, on the same store: the queue lists it.
        let supervisor = ConsoleDriver(fixture, user: "sofia")
        #expect(supervisor.state.screen == .queue, "supervisors land on the queue")
        supervisor.keys("1")
        #expect(supervisor.state.screen == .triage)
        supervisor.keys("2")
        #expect(supervisor.state.screen == .queue)
        #expect(supervisor.listedIDs.contains(padma))
        #expect(supervisor.screenText.contains("Union office"), "the queue shows why")
        supervisor.select(padma)
        supervisor.keys("A")
        #expect(supervisor.state.form?.kind == .decide(padma, .approve))
        supervisor.type("Approve emergency relocation support")
        supervisor.keys("C-s")
        #expect(supervisor.state.form == nil)
        #expect(supervisor.state.message == StatusMessage("\(padma) approved"))
        let decided = try #require(try fixture.store.history(of: padma).last(where: { $0.body.kind == "report.decided" }))
        #expect(decided.actor == "sofia")
        #expect(try fixture.openAnother().state.report(padma)?.status == .responding)
        #expect(!supervisor.listedIDs.contains(padma), "an approved report leaves the queue")
    }

    @Test("saving an empty intake form shows errors at title, country and acts and appends nothing")
    func intakeValidation() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        let before = try fixture.eventCount()
        console.keys("i")
        #expect(console.state.form?.kind == .intake)
        console.keys("C-s")
        let form = try #require(console.state.form, "the form stays open")
        #expect(form.field("title")?.error == "is required")
        #expect(form.field("country")?.error == "is required")
        #expect(form.field("acts")?.error == "is required")
        #expect(form.fields.filter { $0.error != nil }.count == 3)
        #expect(form.formError == "fix the fields marked below; nothing was saved")
        #expect(form.focus == 0, "focus goes to the first field in error")
        #expect(console.performed.isEmpty)
        #expect(try fixture.eventCount() == before)
        #expect(console.screenText.contains("is required"))

        // Fill them in, through the pick lists' type-to-narrow, and save.
        console.type("Raid on a community radio")
        console.keys("Tab")
        console.type("nepal")
        console.keys("Enter")
        #expect(console.state.form?.value("country") == "NP")
        console.type("raid")
        console.keys("Space")
        #expect(console.state.form?.value("acts") == "raid")
        console.keys("C-s")
        #expect(console.state.form == nil)
        #expect(console.state.message == StatusMessage("report recorded"))
        #expect(try fixture.eventCount() == before + 1)
        let created = try #require(try fixture.openAnother().state.reports.last)
        #expect(created.fields.title == "Raid on a community radio")
        #expect(created.desk == "south_asia")
    }

    @Test("Esc on a changed form asks; n keeps it, y discards it; an unchanged form just closes")
    func confirmDiscard() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        console.select(Fixture.id("Padma"))
        console.keys("c")
        #expect(console.state.form?.kind == .comment(Fixture.id("Padma")))
        console.keys("Esc")
        #expect(console.state.form == nil, "nothing typed: Esc closes without asking")
        #expect(console.state.overlay == nil)

        console.keys("c")
        console.type("Called the defender")
        console.keys("Esc")
        guard case .confirm(_, let yes)? = console.state.overlay else {
            Issue.record("expected a confirm overlay, got \(String(describing: console.state.overlay))")
            return
        }
        #expect(yes == .discardForm)
        #expect(console.screenText.contains("Discard the changes to this form?"))
        console.keys("n")
        #expect(console.state.overlay == nil)
        #expect(console.state.form?.value("text") == "Called the defender", "n keeps the form as it was")
        console.keys("Esc y")
        #expect(console.state.overlay == nil)
        #expect(console.state.form == nil)
        #expect(console.state.message == StatusMessage("changes discarded"))
        #expect(console.performed.isEmpty)
    }

    @Test("Ctrl-C asks before quitting with unsaved work, and quits at once without")
    func ctrlC() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        console.select(Fixture.id("Padma"))
        console.keys("c")
        console.type("half a thought")
        var effects = console.keys("C-c")
        #expect(!effects.contains(.quit))
        #expect(console.state.shouldQuit == false)
        guard case .confirm(_, .quit)? = console.state.overlay else {
            Issue.record("expected a quit confirmation, got \(String(describing: console.state.overlay))")
            return
        }
        effects = console.keys("n")
        #expect(!effects.contains(.quit))
        #expect(console.state.form?.value("text") == "half a thought")
        effects = console.keys("C-c y")
        #expect(effects.contains(.quit))
        #expect(console.state.shouldQuit)

        let clean = ConsoleDriver(fixture, user: "noor")
        #expect(clean.keys("C-c") == [.quit])
        #expect(clean.state.shouldQuit)
        let byQ = ConsoleDriver(fixture, user: "noor")
        #expect(byQ.keys("q") == [.quit])
    }

    @Test("an auditor is read-only: t, a, i and c are refused with a message and nothing is appended")
    func auditorReadOnly() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "auditor")
        let before = try fixture.eventCount()
        console.select(Fixture.id("枫叶"))
        for key in ["t", "a", "i", "c", "e"] {
            console.keys(key)
            let message = try #require(console.state.message)
            #expect(message.isError)
            #expect(message.text.contains("read-only"), "\(key): \(message.text)")
            #expect(console.state.form == nil)
        }
        #expect(console.state.message?.text == "read-only: only an officer or a supervisor may escalate (auditor is an auditor)")
        #expect(console.performed.isEmpty)
        #expect(try fixture.eventCount() == before)
        // Neither the hints nor the help offer write actions to an auditor.
        let hints = console.screen[console.state.height - 2]
        #expect(!hints.contains("take"))
        console.keys("?")
        #expect(!console.screenText.contains("take the report into triage"))
        #expect(console.screenText.contains("search the list for text"))
    }

    @Test("/ searches the list, n and N move to the next and previous match, wrapping")
    func search() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        let matches = console.state.list.rows.map(\.report)
            .filter { $0.fields.title.lowercased().contains("threat") }.map(\.id)
        #expect(matches.count == 3, "Monsoon, Río and Padma")
        console.keys("/")
        #expect(console.state.prompt?.kind == .search)
        console.type("threat")
        console.keys("Enter")
        #expect(console.state.prompt == nil)
        #expect(console.state.list.current?.report.id == matches[0])
        #expect(console.state.message?.text == "/threat: \(matches[0])")
        console.keys("n")
        #expect(console.state.list.current?.report.id == matches[1])
        console.keys("n")
        #expect(console.state.list.current?.report.id == matches[2])
        console.keys("n")
        #expect(console.state.list.current?.report.id == matches[0], "n wraps around")
        console.keys("N")
        #expect(console.state.list.current?.report.id == matches[2], "N goes back, wrapping")
        // Searching matches pseudonyms in any script, and says when nothing matches.
        console.keys("/ C-u")
        console.type("枫叶")
        console.keys("Enter")
        #expect(console.state.list.current?.report.id == Fixture.id("枫叶"))
        console.keys("/ C-u")
        console.type("nothing like this")
        console.keys("Enter")
        #expect(console.state.message == StatusMessage("/nothing like this: not found", isError: true))
        #expect(console.state.list.current?.report.id == Fixture.id("枫叶"), "a failed search keeps the selection")
    }

    @Test(": runs actions by name with Tab completion; :sort risk sorts")
    func commandPrompt() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        console.keys(":")
        #expect(console.state.prompt?.kind == .command)
        console.type("ass")
        console.keys("Tab")
        #expect(console.state.prompt?.editor.text == "ass", "assess and assign share only 'ass'")
        #expect(console.state.prompt?.completions == ["assess", "assign"])
        #expect(console.screen[console.state.height - 2].contains("assess assign"))
        console.type("e")
        console.keys("Tab")
        #expect(console.state.prompt?.editor.text == "assess ", "one match completes, with a space")
        console.keys("Esc")
        #expect(console.state.prompt == nil)
        #expect(console.state.form == nil, "Esc cancels the prompt without running it")

        console.keys(":")
        console.type("sort risk")
        console.keys("Enter")
        #expect(console.state.sort.key == .risk)
        #expect(console.state.message?.text.hasPrefix("sorted by") == true)
        #expect(console.screen.last?.contains("sort: risk") == true)
        let levels = console.state.list.rows.map { $0.report.riskLevel?.rank ?? -1 }
        #expect(levels.first == RiskLevel.critical.rank)

        console.keys(":")
        console.type("sort sideways")
        console.keys("Enter")
        #expect(console.state.message?.isError == true)
        #expect(console.state.sort.key == .risk)

        console.keys(":")
        console.type("frobnicate")
        console.keys("Enter")
        #expect(console.state.message == StatusMessage(":frobnicate: unknown command (Tab completes)", isError: true))

        // A named action runs as its key would.
        console.select(Fixture.id("Padma"))
        console.keys(":")
        console.type("assess")
        console.keys("Enter")
        #expect(console.state.form?.kind == .assess(Fixture.id("Padma")))
    }

    @Test("another console's change arrives through poll, keeping the selection on the same report")
    func changeFeed() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        let padma = Fixture.id("Padma")
        console.select(padma)
        let index = console.state.list.selected
        #expect(console.runner.poll() == nil, "nothing changed yet")

        // Another process records a report that sorts first (its acknowledgement is due soonest of the
        // unassessed ones) and comments on the selected report.
        let other = try fixture.openAnother()
        try other.perform(.create([.title: "Office raided at dawn", .country: "IN", .acts: "raid;death_threat",
                                   .defenderPseudonym: "नदी"]), as: "rahul", now: fixedNow)
        try other.perform(.comment(id: padma, text: "Defender reached by phone"), as: "rahul", now: fixedNow)
        #expect(console.state.desk.reports.count == 10, "nothing shows before the feed is read")

        let action = try #require(console.runner.poll())
        guard case .storeChanged = action else {
            Issue.record("expected .storeChanged, got \(action)")
            return
        }
        console.send(action)
        #expect(console.state.desk.reports.count == 11)
        #expect(console.listedIDs.contains(ReportID.make(year: 2026, number: 11)))
        #expect(console.state.list.current?.report.id == padma, "the selection stays on the same report")
        #expect(console.state.list.selected == index + 1, "at its new place in the list")
        // The selected report changed: its history is reloaded, comment included.
        #expect(console.state.history?.events.last?.body.kind == "report.commented")
        #expect(console.screenText.contains("नदी"))
        #expect(console.runner.poll() == nil)
    }

    @Test("a feed that cannot read what others appended says so on the status line, once")
    func feedFailure() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        // Someone appends a row that does not follow the chain (a forged event).
        let database = try DatabaseQueue(path: fixture.path)
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO events (seq, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature)
                SELECT seq + 1, report_id, actor, time_ms, kind, payload, prev_hash, hash, signature FROM events ORDER BY seq DESC LIMIT 1
                """)
        }
        try database.close()
        let action = try #require(console.runner.poll())
        guard case .feedFailed(let problem) = action else {
            Issue.record("expected .feedFailed, got \(action)")
            return
        }
        #expect(problem.hasPrefix("updates stopped: \(fixture.path): damaged at event"))
        console.send(action)
        #expect(console.state.message == StatusMessage(problem, isError: true))
        #expect(console.runner.poll() == nil, "said once, not four times a second")
    }

    @Test("a move the workflow does not allow is refused before any form opens")
    func refusedBeforeForm() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        console.select(Fixture.id("Padma"))
        console.keys("e")
        #expect(console.state.form == nil, "an in-triage report cannot be escalated: no form to fill in for nothing")
        #expect(console.state.message?.isError == true)
        #expect(console.performed.isEmpty)
        // An officer outside a report's desks is told so.
        let rahul = ConsoleDriver(fixture, user: "rahul")
        rahul.keys("F")
        rahul.select(Fixture.id("صقر"))
        rahul.keys("a")
        #expect(rahul.state.form == nil)
        #expect(rahul.state.message?.text.contains("East Africa desk") == true)
    }

    @Test("two supervisors decide one escalation: the second is told why and keeps the form")
    func lostRace() throws {
        let fixture = try FixtureStore()
        let monsoon = Fixture.id("Monsoon")
        let sofia = ConsoleDriver(fixture, user: "sofia")
        sofia.select(monsoon)
        sofia.keys("A")
        sofia.type("Relocate the family this week")
        // Meanwhile kwame, in another console on the same file, approves it first.
        try fixture.openAnother().perform(.decide(id: monsoon, outcome: .approve, note: "Approved by phone"), as: "kwame", now: fixedNow)
        let before = try fixture.eventCount()
        sofia.keys("C-s")
        let message = try #require(sofia.state.message)
        #expect(message.isError)
        let form = try #require(sofia.state.form, "the form stays open with the reason")
        #expect(form.formError == message.text)
        #expect(form.value("note") == "Relocate the family this week")
        #expect(try fixture.eventCount() == before, "exactly one decision was appended")
        #expect(sofia.state.desk.report(monsoon)?.status == .responding, "the winner's change was folded in")
        #expect(!sofia.listedIDs.contains(monsoon))
    }

    @Test("resizing down to 30x10 and back never crashes: too small, then the normal screen again")
    func resize() throws {
        let fixture = try FixtureStore()
        let console = ConsoleDriver(fixture, user: "noor")
        let original = ConsoleView.render(console.state)
        for (width, height) in [(100, 30), (80, 24), (60, 15), (40, 12), (39, 12), (30, 10), (1, 1), (0, 0), (30, 10), (60, 15), (120, 40)] {
            console.send(.resize(width: width, height: height))
            let grid = ConsoleView.render(console.state)
            #expect(grid.width == max(width, 1) && grid.height == max(height, 1))
            let small = width < 40 || height < 12
            #expect(grid.lines().contains { $0.contains("Terminal too small") } == (small && height >= 3),
                    "\(width)x\(height)")
            // Keys keep working at any size.
            console.keys("j k Tab S-Tab PgDn PgUp")
        }
        console.keys("g")
        console.send(.resize(width: 120, height: 40))
        #expect(console.state.focus == .list)
        #expect(ConsoleView.render(console.state) == original, "back at 120x40 the screen is as before")
    }

    @Test("every screen survives every size, including forms and overlays", arguments: Scene.allCases)
    func sweep(_ scene: Scene) {
        var state = scene.state(.large)
        for width in [1, 2, 10, 30, 39, 40, 41, 59, 60, 61, 79, 80, 81, 119, 120, 121, 200] {
            for height in [1, 2, 3, 11, 12, 13, 15, 24, 40, 60] {
                _ = Reducer.reduce(&state, .resize(width: width, height: height))
                let grid = ConsoleView.render(state)
                #expect(grid.width == width && grid.height == height)
                // Every row holds exactly `width` columns: no wide character overflows the edge.
                for y in 0..<grid.height {
                    let columns = (0..<grid.width).reduce(0) { $0 + (grid[$1, y].isContinuation ? 0 : max(grid[$1, y].width, 1)) }
                    #expect(columns == grid.width, "\(scene) \(width)x\(height) row \(y)")
                }
            }
        }
    }
}
