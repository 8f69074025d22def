import Foundation
import Testing
import VigilCore

@Suite struct SnapshotTests {
    private func busyDesk() throws -> TestDesk {
        var desk = try TestDesk.staffed()
        let a = try desk.escalated(.high, values: [.externalID: "EXT-1", .acts: "death_threat"])
        try desk.run(.decide(id: a, outcome: .approve, note: "grant"), as: "sara")
        let b = try desk.create([.country: "BR", .title: "Land grab in Pará"])
        try desk.run(.close(id: b, reason: "duplicate", duplicateOf: a), as: "sara")
        try desk.run(.comment(id: a, text: "relocated"), as: "olga")
        try desk.run(.changeSettings(.init(deskMap: ["BR": "north_america"])), as: "admin")
        _ = try desk.create(at: Date(timeIntervalSince1970: 1_798_761_600))
        return desk
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        let desk = try busyDesk()
        let data = try JSONEncoder().encode(desk.state.snapshot())
        let decoded = try JSONDecoder().decode(DeskSnapshot.self, from: data)
        let restored = DeskState(snapshot: decoded)
        #expect(restored.head == desk.state.head)
        #expect(restored.reports == desk.state.reports)
        #expect(restored.users == desk.state.users)
        #expect(restored.deskOverrides == desk.state.deskOverrides)
        #expect(restored.clocks == desk.state.clocks)
        #expect(restored.reportID(forExternalID: "EXT-1") == "R-2026-00001")
        #expect(restored.nextReportID(at: fixedNow) == desk.state.nextReportID(at: fixedNow))
        #expect(restored.nextReportID(at: Date(timeIntervalSince1970: 1_798_761_600)) == "R-2027-00002")
        #expect(restored.desk(forCountry: "BR") == "north_america")
    }

    @Test func restoredStateAcceptsFurtherEvents() throws {
        let desk = try busyDesk()
        let data = try JSONEncoder().encode(desk.state.snapshot())
        var restored = TestDesk(state: DeskState(snapshot: try JSONDecoder().decode(DeskSnapshot.self, from: data)))
        var original = desk
        for copy in [0, 1] {
            var target = copy == 0 ? original : restored
            try target.run(.comment(id: "R-2026-00002", text: "after the snapshot"), as: "olga")
            let id = try target.create([.externalID: "EXT-2"])
            #expect(id == "R-2026-00003")
            #expect(target.refusal(.create([.title: "t", .country: "IN", .acts: "threat", .externalID: "EXT-1"]), as: "olga")
                == .conflict("external id 'EXT-1' was already imported as R-2026-00001"))
            if copy == 0 { original = target } else { restored = target }
        }
        #expect(restored.state.reports == original.state.reports)
        #expect(restored.state.head == original.state.head)
        // A gap is still refused after a restore.
        let gap = Event(seq: restored.state.head + 2, reportID: nil, actor: "admin", time: fixedNow,
                        body: .userAdded(User(name: "x", role: .auditor)))
        #expect(throws: FoldError.self) { try restored.state.apply(gap) }
    }

    @Test func snapshotListsUsersByName() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.state.snapshot().users.map(\.name) == ["admin", "aud", "olga", "omar", "sam", "sara"])
    }
}
