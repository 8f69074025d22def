import Foundation
import Testing
import VigilCore
import VigilStore

@Suite("Sealing: sealed stores open with the right passphrase only")
struct SealedStoreTests {
    @Test("create, append and reopen with the right passphrase: the same fold, history and verify")
    func roundTrip() throws {
        let sandbox = try StoreSandbox()
        let store = try SealedFixture.desk(sandbox)
        #expect(store.isSealed)
        #expect(try store.keyHolders() == ["admin", "ana", "sam"])
        let id = try sandbox.create(in: store, title: "Threat to Ayesha Khan in Lalitpur")
        try sandbox.escalate(id, in: store)
        try store.perform(.comment(id: id, text: "called back; Кирилл confirms"), as: "ana", now: sandbox.now())
        store.snapshotInterval = 1
        try store.perform(.comment(id: id, text: "second call"), as: "ana", now: sandbox.now())
        #expect(try SQLiteStore.sealing(at: sandbox.path()) == StoreSealing(scheme: AEADSealer.scheme))

        let sealer = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase))
        let reopened = try SQLiteStore.open(at: sandbox.path(), sealer: sealer)
        #expect(reopened.isSealed)
        #expect(FoldSummary(reopened.state) == FoldSummary(store.state))
        #expect(reopened.state.report(id)?.comments.map(\.text) == ["called back; Кирилл confirms", "second call"])
        #expect(try reopened.history(of: id) == store.history(of: id))
        let verified = try SQLiteStore.verify(at: sandbox.path(), sealer: sealer)
        #expect(verified.events == store.state.head)
        #expect(verified.snapshots == 1)

        // Without the key the payloads are refused, never shown: the plain sealer is not this store's.
        #expect(storeError { _ = try SQLiteStore.open(at: sandbox.path()) }
                == .notAStore(path: sandbox.path(), reason: "payloads are sealed with '\(AEADSealer.scheme)', not 'plain'"))
    }

    @Test("a wrong passphrase, another user's passphrase and a stranger get one and the same message")
    func genericRefusal() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let path = sandbox.path()
        let wrong = storeError { _ = try SQLiteStore.open(at: path, user: "admin", passphrase: Passphrase("correct horse battery stapler")) }
        // `ana` is on the roster but this is the admin's passphrase; `mallory` is nobody.
        let keyless = storeError { _ = try SQLiteStore.unlock(at: path, user: "ana", passphrase: Passphrase(SealedFixture.adminPassphrase)) }
        let stranger = storeError { _ = try SQLiteStore.unlock(at: path, user: "mallory", passphrase: Passphrase("")) }
        for error in [wrong, keyless, stranger] {
            #expect(error == .wrongPassphrase(path: path))
            #expect(error?.description == "\(path): wrong passphrase, or not a user of this store")
        }
    }

    @Test("a user added with their own passphrase opens and reads; a refused addition leaves no key")
    func secondUser() throws {
        let sandbox = try StoreSandbox()
        let store = try SQLiteStore.create(at: sandbox.path(), admin: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase), now: sandbox.now())
        try store.addUser(User(name: "ana", role: .officer), passphrase: Passphrase(SealedFixture.anaPassphrase), as: "admin", now: sandbox.now())
        let id = try sandbox.create(in: store, title: "Surveillance of the Dhading office")
        #expect(try store.keyHolders() == ["admin", "ana"])

        let asAna = try SQLiteStore.open(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.anaPassphrase))
        #expect(asAna.state.report(id)?.fields.title == "Surveillance of the Dhading office")
        // Her passphrase is hers alone: it does not open the admin's key.
        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.anaPassphrase)) }
                == .wrongPassphrase(path: sandbox.path()))

        // An officer may not add users: refused, with no event and no key row written.
        let head = store.state.head
        #expect(throws: DeskError.self) {
            try asAna.addUser(User(name: "eve", role: .admin), passphrase: Passphrase("eve's passphrase"), as: "ana", now: sandbox.now())
        }
        #expect(try store.keyHolders() == ["admin", "ana"])
        #expect(asAna.state.head == head)
    }

    @Test("new keys refuse short passphrases; a plain store has no keys to add")
    func refusals() throws {
        let sandbox = try StoreSandbox()
        #expect(throws: WeakPassphrase(user: "admin")) {
            _ = try SQLiteStore.create(at: sandbox.path(), admin: "admin", passphrase: Passphrase("short"), now: sandbox.now())
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.path()))
        let (plain, _) = try sandbox.makeDesk(reports: 0)
        #expect(!plain.isSealed)
        #expect(try plain.keyHolders() == [])
        #expect(try SQLiteStore.sealing(at: sandbox.path()) == StoreSealing(scheme: "plain"))
        #expect(storeError { try plain.addUser(User(name: "lee", role: .officer), passphrase: Passphrase("long enough here"), as: "admin", now: sandbox.now()) }
                == .notSealed(path: sandbox.path()))
        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase("anything at all")) }
                == .notAStore(path: sandbox.path(), reason: "payloads are not sealed, so there is no key to unlock"))
        #expect(storeError { _ = try SQLiteStore.sealing(at: sandbox.path("missing.vigil")) } == .notFound(path: sandbox.path("missing.vigil")))
    }

    @Test("core dumps are off while a sealed store is open")
    func coreDumpsOff() throws {
        let sandbox = try StoreSandbox()
        let store = try SealedFixture.desk(sandbox)
        #expect(SealedFixture.coreDumpSoftLimit == 0)
        withExtendedLifetime(store) {}
    }
}
