import Foundation
import Testing
import VigilConsole
import VigilCore
import VigilStore

/// The admin's pages: :users, :desks, :clocks, :add-user / :change-user forms and :remove-user.
@Suite("Admin pages")
struct AdminPagesTests {
    @Test(":users, :desks and :clocks show the roster, the desk map and the clock table")
    func pages() throws {
        var state = Fixture.state(user: "admin")
        for (page, expected) in [("users", "sofia"), ("desks", "South Asia (south_asia)"), ("clocks", "critical    1h")] {
            Fixture.press(&state, .character(":"))
            _ = Fixture.type(&state, page)
            Fixture.press(&state, .enter)
            let text = ConsoleView.render(state).lines().joined(separator: "\n")
            #expect(text.contains(expected), "\(page):\n\(text)")
            Fixture.press(&state, .escape)
            #expect(state.overlay == nil)
        }
    }

    @Test(":add-user adds a scoped officer; only admins may")
    func addUser() throws {
        let fixture = try FixtureStore()
        let admin = ConsoleDriver(fixture, user: "admin")
        _ = admin.keys(":")
        _ = admin.type("add-user")
        _ = admin.keys("Enter")
        #expect(admin.state.form?.kind == .user(adding: true))
        _ = admin.type("zara")
        _ = admin.keys("Tab Enter")
        _ = admin.type("europe")
        _ = admin.keys("Space C-s")
        let zara = try #require(fixture.store.state.user("zara"))
        #expect(User(name: zara.name, role: zara.role, desks: zara.desks) == User(name: "zara", role: .officer, desks: ["europe"]))
        // The store gave her a signing key of her own.
        #expect(zara.keys?.signing.count == 32)

        let officer = ConsoleDriver(fixture, user: "rahul")
        _ = officer.keys(":")
        _ = officer.type("add-user")
        _ = officer.keys("Enter")
        #expect(officer.state.form == nil)
        #expect(officer.state.message?.text.contains("only an admin may add users") == true)
    }

    @Test(":remove-user asks first, then takes the user off the roster; an officer is refused by the store")
    func removeUser() throws {
        let fixture = try FixtureStore()
        let officer = ConsoleDriver(fixture, user: "rahul")
        _ = officer.keys(":")
        _ = officer.type("remove-user lucia")
        _ = officer.keys("Enter y")
        #expect(officer.state.message?.text.contains("only an admin may remove users") == true)
        #expect(fixture.store.state.user("lucia") != nil)

        let admin = ConsoleDriver(fixture, user: "admin")
        _ = admin.keys(":")
        _ = admin.type("remove-user lucia")
        _ = admin.keys("Enter")
        guard case .confirm(let question, _) = admin.state.overlay else {
            Issue.record("no confirmation: \(String(describing: admin.state.overlay))")
            return
        }
        #expect(question.hasPrefix("Remove lucia from the roster?"))
        _ = admin.keys("n")
        #expect(fixture.store.state.user("lucia") != nil)
        _ = admin.keys(":")
        _ = admin.type("remove-user lucia")
        _ = admin.keys("Enter y")
        #expect(fixture.store.state.user("lucia") == nil)
        #expect(admin.state.message?.text == "removed lucia")
        _ = admin.keys(":")
        _ = admin.type("remove-user nobody")
        _ = admin.keys("Enter")
        #expect(admin.state.message?.text.contains(":remove-user needs the name of someone on the roster") == true)
    }
}

@Suite("Admin settings from the console")
struct AdminSettingsTests {
    @Test(":set-desk, :set-clocks and :lock-after change the store (admins); others are refused by the store")
    func settings() throws {
        let fixture = try FixtureStore()
        let admin = ConsoleDriver(fixture, user: "admin")
        for command in ["set-desk SD east_africa", "set-clocks high 2h 48h 30d", "lock-after 120"] {
            _ = admin.keys(":")
            _ = admin.type(command)
            _ = admin.keys("Enter")
            #expect(admin.state.message?.isError == false, "\(command): \(admin.state.message?.text ?? "")")
        }
        #expect(fixture.store.state.desk(forCountry: "SD") == "east_africa")
        #expect(fixture.store.state.clocks[.high].acknowledge == 7200)
        #expect(fixture.store.state.lockAfter == 120)
        let officer = ConsoleDriver(fixture, user: "rahul")
        _ = officer.keys(":")
        _ = officer.type("lock-after 60")
        _ = officer.keys("Enter")
        #expect(officer.state.message?.text.contains("only an admin may change") == true)
    }
}

/// `:add-user` on a sealed store: the new user's passphrase typed into masked fields, keys made by the store.
@Suite("Admin pages on a sealed store")
struct SealedAdminPagesTests {
    @Test(":add-user asks for the new user's passphrase twice, shows only masks, and the new user opens with it")
    func addUserWithPassphrase() throws {
        let folder = NSTemporaryDirectory() + "vigil-console-sealed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/desk.vigil"
        let store = try SQLiteStore.create(at: path, admin: "admin", passphrase: Passphrase("the admin's long passphrase"), now: fixedNow)
        let admin = ConsoleDriver(store: store, user: "admin")
        _ = admin.keys(":")
        _ = admin.type("add-user")
        _ = admin.keys("Enter")
        #expect(admin.state.form?.fields.map(\.id) == ["name", "role", "desks", "passphrase", "again"])
        _ = admin.type("zara")
        _ = admin.keys("Tab Enter Tab")
        _ = admin.type("zara's own words")
        #expect(admin.screenText.contains(String(repeating: "•", count: 16)))
        #expect(!admin.screenText.contains("zara's own words"))
        _ = admin.keys("Tab")
        _ = admin.type("zara's own wordz")
        _ = admin.keys("C-s")
        #expect(admin.state.form?.fields.first { $0.id == "again" }?.error == "not the same as the passphrase above")
        #expect(store.state.user("zara") == nil)
        _ = admin.keys("BS")
        _ = admin.type("s")
        _ = admin.keys("C-s")
        #expect(admin.state.form == nil, "\(admin.state.message?.text ?? "")")
        #expect(admin.state.message?.text == "added zara as officer")
        #expect(try store.keyHolders() == ["admin", "zara"])
        let asZara = try SQLiteStore.open(at: path, user: "zara", passphrase: Passphrase("zara's own words"))
        #expect(asZara.state.user("zara")?.role == .officer)
    }
}
