import Foundation
import Testing
import VigilCore

@Suite struct DeciderRosterTests {
    @Test func firstUserMustBeTheAdminAddingThemselves() throws {
        let desk = TestDesk()
        #expect(desk.message(.addUser(User(name: "olga", role: .officer)), as: "olga")
            == "the first user of a store must be its admin, added by themselves")
        #expect(desk.message(.addUser(User(name: "admin", role: .admin)), as: "someone")
            == "the first user of a store must be its admin, added by themselves")
        #expect(desk.refusal(.addUser(User(name: "admin", role: .admin)), as: "admin") == nil)
    }

    @Test func bootstrapProducesOneRosterEvent() throws {
        var desk = TestDesk()
        let events = try desk.run(.addUser(User(name: "admin", role: .admin)), as: "admin")
        #expect(events == [Event(seq: 1, reportID: nil, actor: "admin", time: fixedNow,
                                 body: .userAdded(User(name: "admin", role: .admin)))])
        #expect(desk.state.head == 1)
        #expect(desk.state.user("admin")?.role == .admin)
    }

    @Test func removalIsAnAdminsAndNeverOfOneself() throws {
        var desk = try TestDesk.staffed()
        #expect(desk.message(.removeUser(name: "olga"), as: "sara") == "only an admin may remove users (sara is a supervisor)")
        #expect(desk.message(.removeUser(name: "admin"), as: "admin") == "an admin cannot remove themselves; another admin can")
        #expect(desk.message(.removeUser(name: "zoe"), as: "admin") == "user 'zoe' is not on the roster")
        #expect(try desk.run(.removeUser(name: "olga"), as: "admin").map(\.body) == [.userRemoved(name: "olga")])
        #expect(desk.state.user("olga") == nil)
        #expect(desk.refusal(.create([.title: "x"]), as: "olga") == .notOnRoster("olga"))
    }

    @Test func aRoleChangeKeepsTheUsersOwnKeys() throws {
        var desk = TestDesk()
        let keys = PublicKeys(signing: Data(repeating: 1, count: 32), sealing: nil)
        try desk.run(.addUser(User(name: "admin", role: .admin, keys: keys)), as: "admin")
        try desk.run(.addUser(User(name: "olga", role: .officer, keys: PublicKeys(signing: Data(repeating: 2, count: 32), sealing: nil))), as: "admin")
        // A change that names other keys (the admin's) keeps olga's: nobody else may speak for her.
        let events = try desk.run(.changeUser(User(name: "olga", role: .supervisor, keys: keys)), as: "admin")
        #expect(events.map(\.body) == [.userChanged(User(name: "olga", role: .supervisor, keys: PublicKeys(signing: Data(repeating: 2, count: 32), sealing: nil)))])
        #expect(desk.state.user("olga")?.keys?.signing == Data(repeating: 2, count: 32))
        // The fold holds to it even for an event that says otherwise.
        var state = desk.state
        try state.apply(Event(seq: state.head + 1, reportID: nil, actor: "admin", time: fixedNow,
                              body: .userChanged(User(name: "olga", role: .officer, keys: keys))))
        #expect(state.user("olga")?.keys?.signing == Data(repeating: 2, count: 32))
    }

    @Test func strangersAreNotOnTheRoster() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.refusal(.create([.title: "x"]), as: "mallory") == .notOnRoster("mallory"))
        #expect(desk.message(.take(id: "R-2026-00001"), as: "mallory")
            == "user 'mallory' is not on this store's roster; an admin can add them with `vigil user add`")
    }

    @Test func onlyAdminsManageTheRoster() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.addUser(User(name: "new", role: .officer)), as: "sara")
            == "only an admin may add users (sara is a supervisor)")
        #expect(desk.message(.changeUser(User(name: "olga", role: .supervisor)), as: "olga")
            == "only an admin may change users (olga is an officer)")
        #expect(desk.message(.changeSettings(.init(deskMap: ["IN": "east_asia"])), as: "aud")
            == "only an admin may change the desk map, clocks or lock timeout (aud is an auditor)")
    }

    @Test func rosterChecks() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.addUser(User(name: "olga", role: .officer)), as: "admin")
            == "user 'olga' is already on the roster")
        #expect(desk.message(.changeUser(User(name: "nobody", role: .officer)), as: "admin")
            == "user 'nobody' is not on the roster")
        #expect(desk.message(.addUser(User(name: "bad name", role: .officer)), as: "admin")
            == "name: 'bad name' must be 1-64 letters, digits, '.', '_' or '-'")
        #expect(desk.message(.addUser(User(name: "", role: .officer)), as: "admin")
            == "name: '' must be 1-64 letters, digits, '.', '_' or '-'")
        #expect(desk.refusal(.addUser(User(name: String(repeating: "a", count: 65), role: .officer)), as: "admin") != nil)
        #expect(desk.refusal(.addUser(User(name: "ana.maría_2-b", role: .officer)), as: "admin") == nil)
        #expect(desk.message(.addUser(User(name: "zed", role: .officer, desks: ["atlantis"])), as: "admin")?
            .hasPrefix("desks: 'atlantis' is not a desk (east_africa, ") == true)
    }

    @Test func changingAUserReplacesTheirRecord() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.changeUser(User(name: "olga", role: .officer, desks: ["europe"])), as: "admin")
        #expect(desk.state.user("olga") == User(name: "olga", role: .officer, desks: ["europe"]))
    }

    @Test func settingsAreChecked() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.changeSettings(.init(deskMap: ["XX": "europe"])), as: "admin")
            == "country: 'XX' is not an ISO 3166-1 code")
        #expect(desk.message(.changeSettings(.init(deskMap: ["FR": "atlantis"])), as: "admin")
            == "desk: 'atlantis' is not a desk")
    }

    @Test func settingsMoveReportsToTheirNewDesk() throws {
        var desk = try TestDesk.staffed()
        let india = try desk.create([.country: "IN"])
        let pinned = try desk.create([.country: "IN", .deskOverride: "central_asia"])
        try desk.run(.changeSettings(.init(deskMap: ["IN": "east_asia"])), as: "admin")
        #expect(try desk.report(india).desk == "east_asia")
        #expect(try desk.report(pinned).desk == "central_asia")
        #expect(desk.state.desk(forCountry: "IN") == "east_asia")
        let later = try desk.create([.country: "IN"])
        #expect(try desk.report(later).desk == "east_asia")
    }

    @Test func settingsTakeCountryCodesInAnyCase() throws {
        var desk = try TestDesk.staffed()
        let india = try desk.create([.country: "IN"])
        let events = try desk.run(.changeSettings(.init(deskMap: ["in": "east_asia"])), as: "admin")
        #expect(events.map(\.body) == [.settingsChanged(.init(deskMap: ["IN": "east_asia"]))])
        #expect(try desk.report(india).desk == "east_asia")
        #expect(desk.state.deskOverrides == ["IN": "east_asia"])
    }

    @Test func settingsReplaceTheClocks() throws {
        var desk = try TestDesk.staffed()
        var clocks = desk.state.clocks
        clocks.limits[.critical] = .init(acknowledge: 30 * 60, decision: 12 * hour, reassess: 3 * day)
        try desk.run(.changeSettings(.init(clocks: clocks)), as: "admin")
        #expect(desk.state.clocks[.critical].acknowledge == 30 * 60)
        #expect(desk.state.clocks[.high] == Vocabularies.standard.defaultClocks[.high])
    }
}
