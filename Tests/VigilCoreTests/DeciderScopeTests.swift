import Foundation
import Testing
import VigilCore

@Suite struct DeciderScopeTests {
    /// Every command that writes to a report, for the role and scope checks.
    static func writes(_ id: String) -> [Command] {
        [
            .edit(id: id, values: [.title: "x"], expectedVersion: nil),
            .take(id: id),
            .assess(id: id, .low),
            .escalate(id: id, reason: "r", to: nil),
            .respond(id: id, note: ""),
            .monitor(id: id, note: ""),
            .retriage(id: id, note: ""),
            .comment(id: id, text: "hello"),
            .link(id: id, target: id, kind: .related),
            .unlink(id: id, target: id),
            .close(id: id, reason: "resolved", duplicateOf: nil),
        ]
    }

    @Test func auditorsCannotWrite() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        for command in Self.writes(id) {
            let message = desk.message(command, as: "aud")
            #expect(message?.hasPrefix("only an officer or a supervisor may ") == true, "\(command)")
            #expect(message?.hasSuffix(" reports (aud is an auditor)") == true, "\(command)")
        }
        #expect(desk.message(.comment(id: id, text: "hi"), as: "aud")
            == "only an officer or a supervisor may comment on reports (aud is an auditor)")
        #expect(desk.message(.assign(id: id, to: "olga"), as: "aud")
            == "only a supervisor may assign a report (you are an auditor)")
        #expect(desk.message(.reopen(id: id, note: ""), as: "aud")?.hasPrefix("cannot reopen") == true)
    }

    @Test func adminsCannotTriage() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.take(id: id), as: "admin") == "only an officer or a supervisor may take reports (admin is an admin)")
        #expect(desk.message(.assess(id: id, .low), as: "admin")
            == "only an officer or a supervisor may assess reports (admin is an admin)")
        for command in Self.writes(id) {
            #expect(desk.message(command, as: "admin")?.hasSuffix("(admin is an admin)") == true, "\(command)")
        }
    }

    @Test func scopedOfficerIsRefusedOutsideTheirDesks() throws {
        var desk = try TestDesk.staffed()
        let france = try desk.create([.country: "FR"])
        #expect(desk.message(.take(id: france), as: "omar")
            == "omar covers South Asia; \(france) is on the Europe desk (a supervisor may take it)")
        #expect(desk.message(.comment(id: france, text: "x"), as: "omar")
            == "omar covers South Asia; \(france) is on the Europe desk (a supervisor may comment on it)")
        for command in Self.writes(france) {
            #expect(desk.message(command, as: "omar")?.hasPrefix("omar covers South Asia; ") == true, "\(command)")
        }
        // Unscoped officers and supervisors may.
        #expect(desk.refusal(.take(id: france), as: "olga") == nil)
        #expect(desk.refusal(.take(id: france), as: "sara") == nil)
    }

    @Test func scopedOfficerWorksInsideTheirDesks() throws {
        var desk = try TestDesk.staffed()
        let nepal = try desk.create([.country: "NP"], as: "omar")
        try desk.run(.take(id: nepal), as: "omar")
        try desk.run(.assess(id: nepal, .medium), as: "omar")
        try desk.run(.respond(id: nepal, note: "legal aid"), as: "omar")
        #expect(try desk.report(nepal).status == .responding)
    }

    @Test func scopeFollowsTheDeskOverride() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.country: "FR", .deskOverride: "South Asia"])
        #expect(try desk.report(id).desk == "south_asia")
        #expect(desk.refusal(.take(id: id), as: "omar") == nil)
    }

    @Test func officerScopedToSeveralDesksIsToldAllOfThem() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.addUser(User(name: "ines", role: .officer, desks: ["europe", "mena"])), as: "admin")
        let india = try desk.create()
        #expect(desk.message(.take(id: india), as: "ines")
            == "ines covers Europe, Middle East & North Africa; \(india) is on the South Asia desk (a supervisor may take it)")
    }
}
