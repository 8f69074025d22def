import Foundation
import Testing
import VigilCore

/// Duplicate suggestions (names folded for case, accents and transliterations) and `@mentions`.
@Suite struct DuplicatesAndMentionsTests {
    @Test(arguments: [("José Pérez", "jose perez"), ("Mohammed", "Muhammad"), ("Yusuf", "Iusuf"), ("Farouk", "Faruk"), ("Khalid", "Halid")])
    func transliterationVariantsShareAKey(a: String, b: String) {
        #expect(DuplicateFinder.key(a) == DuplicateFinder.key(b))
    }

    @Test func differentNamesDoNotShareAKey() {
        #expect(DuplicateFinder.key("Amina") != DuplicateFinder.key("Aminata"))
        // Doubled letters fold (Hassan, Hasan); doubled digits are another number.
        #expect(DuplicateFinder.key("Hassan") == DuplicateFinder.key("Hasan"))
        #expect(DuplicateFinder.key("Falcon-1") != DuplicateFinder.key("Falcon-11"))
    }

    @Test func suggestsSameDefenderSameCountryWithinThirtyDays() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.defenderPseudonym: "Kestrel", .country: "KE", .incidentDate: "2026-05-01"])
        let second = try desk.create([.defenderPseudonym: "KESTREL", .country: "KE", .incidentDate: "2026-05-20"])
        _ = try desk.create([.defenderPseudonym: "Kestrel", .country: "UG", .incidentDate: "2026-05-20"])
        _ = try desk.create([.defenderPseudonym: "Kestrel", .country: "KE", .incidentDate: "2026-01-02"])
        let report = try #require(desk.state.report(second))
        let candidates = DuplicateFinder.candidates(for: report, in: desk.state)
        #expect(candidates.map(\.id) == [first])
        #expect(candidates.first?.reasons == ["same defender (KESTREL)", "same country (KE)", "19 days apart"])
    }

    @Test func dismissingIsRecordedAndStopsTheSuggestion() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        let second = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        let events = try desk.run(.dismissDuplicate(id: second, target: first), as: "olga")
        #expect(events.map(\.body.kind) == ["report.duplicate_dismissed"])
        #expect(EventSummary.describe(events[0]).contains("dismissed \(first)"))
        let report = try #require(desk.state.report(second))
        #expect(DuplicateFinder.candidates(for: report, in: desk.state).isEmpty)
        // Neither side suggests the other any more.
        let original = try #require(desk.state.report(first))
        #expect(DuplicateFinder.candidates(for: original, in: desk.state).isEmpty)
        #expect(desk.message(.dismissDuplicate(id: second, target: first), as: "olga")?.contains("already dismissed") == true)
        #expect(desk.message(.dismissDuplicate(id: second, target: first), as: "aud")?.contains("only an officer or a supervisor") == true)
    }

    @Test func confirmingLinksAndStopsTheSuggestion() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        let second = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        try desk.run(.link(id: second, target: first, kind: .duplicateOf), as: "olga")
        let report = try #require(desk.state.report(second))
        #expect(report.duplicateOf == first)
        #expect(DuplicateFinder.candidates(for: report, in: desk.state).isEmpty)
    }

    @Test func dismissalsSurviveASnapshot() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        let second = try desk.create([.defenderPseudonym: "Baobab", .country: "UG"])
        try desk.run(.dismissDuplicate(id: second, target: first), as: "olga")
        let restored = DeskState(snapshot: try SnapshotFormat.decode(SnapshotFormat.encode(desk.state.snapshot())))
        #expect(restored.report(second)?.dismissedDuplicates == [first])
    }

    @Test func mentionsAreNamesAfterAnAt() {
        #expect(Mentions.names(in: "@amina please call back; cc @rahul.") == ["amina", "rahul"])
        #expect(Mentions.names(in: "mail me at a@b") == ["b"])
        #expect(Mentions.names(in: "no mentions here").isEmpty)
    }

    @Test func mentionsFilterFindsReportsMentioningMe() throws {
        var desk = try TestDesk.staffed()
        let mentioned = try desk.create()
        let other = try desk.create()
        try desk.run(.comment(id: mentioned, text: "@omar can you check the lawyer's report?"), as: "olga")
        try desk.run(.comment(id: other, text: "@sara for decision"), as: "olga")
        let context = FilterContext(me: "omar", now: fixedNow, clocks: desk.state.clocks)
        let filter = try Filter.parse("mentions:me")
        #expect(desk.state.reports.filter { filter.matches($0, in: context) }.map(\.id) == [mentioned])
        let named = try Filter.parse("mention:@sara")
        #expect(desk.state.reports.filter { named.matches($0, in: context) }.map(\.id) == [other])
    }

    @Test func eitherOfFilters() throws {
        var desk = try TestDesk.staffed()
        let mine = try desk.create()
        let mentioned = try desk.create()
        _ = try desk.create()
        try desk.run(.take(id: mine), as: "olga")
        try desk.run(.comment(id: mentioned, text: "@olga see this"), as: "sara")
        let context = FilterContext(me: "olga", now: fixedNow, clocks: desk.state.clocks)
        let either = Filter.any(of: [try Filter.parse("assignee:me"), try Filter.parse("mentions:me")], text: "mine")
        let matched = desk.state.reports.indices.filter { either.matches(at: $0, in: desk.state, context: context) }
        #expect(matched.map { desk.state.reports[$0].id } == [mine, mentioned])
    }
}
