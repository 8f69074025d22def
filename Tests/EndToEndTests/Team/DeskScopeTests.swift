import Foundation
import Testing

extension TeamEndToEndTests {
    /// rahul covers three Asian desks: his console opens on them (every listed report, top and bottom of the list,
    /// is on one of his desks; the count is theirs; other desks' facets are 0); `w` widens to all desks and `w`
    /// again narrows back.
    @Test("an officer's console shows only his desks by default; w widens to all desks and back")
    func officerSeesHisDesks() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let roster = try await sandbox.roster()
            let rahul = try #require(roster["rahul"])
            #expect(rahul.role == "officer")
            let desks = Set(rahul.desks)
            #expect(!desks.isEmpty && desks.count < 12, "rahul's desks: \(desks)")

            // The open reports, by desk, as the CLI sees them (the console hides closed ones by default).
            let open = try await sandbox.list(["status:!closed"], as: "admin")
            let deskOf = Dictionary(uniqueKeysWithValues: open.compactMap { report in
                (report["id"] as? String).map { ($0, report["desk"] as? String ?? "") }
            })
            let his = Set(deskOf.filter { desks.contains($0.value) }.keys)
            let others = Set(deskOf.keys).subtracting(his)
            #expect(!his.isEmpty && !others.isEmpty, "the demo store should have open reports on and off rahul's desks")
            func offDesk(_ ids: [String]) -> [String] { ids.filter { !his.contains($0) }.map { "\($0) (\(deskOf[$0] ?? "?"))" } }

            let (console, _) = try await tmux.teamConsole(sandbox, as: "rahul", role: "officer")
            let narrow = try await console.waitUntil("rahul's list on his desks") { $0.matchingCount == his.count }
            #expect(!narrow.listedIDs.isEmpty)
            #expect(offDesk(narrow.listedIDs).isEmpty, "reports off rahul's desks listed: \(offDesk(narrow.listedIDs))\n\(narrow)")
            #expect(narrow.line(Self.statusRow).contains("filter: desk:"), "status bar: \(narrow.line(Self.statusRow))")
            // Facets count within the scope: only his desks have reports, and they add up to the list.
            let facets = narrow.deskFacets
            #expect(facets.count >= desks.count, "desk facets: \(facets)")
            #expect(facets.filter { $0.count > 0 }.count <= desks.count, "desk facets: \(facets)")
            #expect(facets.map(\.count).reduce(0, +) == his.count, "desk facets: \(facets)")

            // The bottom of the list too.
            try await console.keys("G")
            let bottom = try await console.waitUntil("the end of rahul's list") { $0.detailID != narrow.detailID || his.count < 2 }
            #expect(offDesk(bottom.listedIDs).isEmpty, "reports off rahul's desks listed: \(offDesk(bottom.listedIDs))\n\(bottom)")

            // w: all desks.
            try await console.keys("w")
            let wide = try await console.waitUntil("rahul's list widened to all desks") {
                $0.matchingCount == open.count && !offDesk($0.listedIDs).isEmpty
            }
            #expect(wide.line(Self.messageRow).contains("all desks"), "message: \(wide.line(Self.messageRow))")
            #expect(Set(wide.listedIDs).isSubset(of: Set(deskOf.keys)), "\(wide)")
            #expect(!offDesk(wide.listedIDs).isEmpty, "widened, still only rahul's desks on screen:\n\(wide)")
            let wideFacets = wide.deskFacets
            #expect(wideFacets.map(\.count).reduce(0, +) == open.count, "desk facets: \(wideFacets)")
            #expect(wideFacets.filter { $0.count > 0 }.count == Set(deskOf.values).count, "desk facets: \(wideFacets)")

            // w again: back to his desks.
            try await console.keys("w")
            // Wait for the whole frame, not just its title: tmux can be read while the rows are still being drawn.
            let back = try await console.waitUntil("rahul's list back on his desks") {
                $0.matchingCount == his.count && offDesk($0.listedIDs).isEmpty
            }
            #expect(offDesk(back.listedIDs).isEmpty, "\(back)")
        }
    }
}
