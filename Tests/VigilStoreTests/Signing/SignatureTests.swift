import Foundation
import Testing
import VigilCore
@testable import VigilStore

/// Every event is signed by its actor: a forged event names its seq and why, even when its hash chain and seal
/// are perfect, because only the actor's own key makes their signature.
@Suite("Signing: every event is its actor's")
struct SignatureTests {
    /// A closed plain desk with an escalated report; returns the report id and the keys its maker held.
    private func escalatedDesk(_ sandbox: StoreSandbox) throws -> (id: String, keyring: Keyring) {
        let (store, ids) = try sandbox.makeDesk(reports: 1)
        try sandbox.escalate(ids[0], in: store)
        try store.checkpoint()
        return (ids[0], store.keyring)
    }

    @Test("each event carries a 64-byte Ed25519 signature that verify checks; users' public keys are on the roster")
    func signed() throws {
        let sandbox = try StoreSandbox()
        _ = try escalatedDesk(sandbox)
        #expect(try sandbox.read("desk.vigil", "SELECT COUNT(*) FROM events WHERE length(signature) = 64") as Int64? == 8)
        let report = try SQLiteStore.verify(at: sandbox.path())
        #expect(report.signatures == 8)
        #expect(report.founderKey.count == 64)
        let roster = try SQLiteStore.open(at: sandbox.path()).state.users
        #expect(roster.values.allSatisfy { $0.keys?.signing.count == 32 })
        #expect(Set(roster.values.compactMap(\.keys?.signing)).count == 4)
    }

    @Test("a supervisor's decision forged with an officer's key fails verify and open, naming the seq")
    func decisionSignedByOfficer() throws {
        let sandbox = try StoreSandbox()
        let (id, keyring) = try escalatedDesk(sandbox)
        let forger = Forger(path: sandbox.path(), sealer: PlainSealer(), keyring: keyring)
        let seq = try forger.append(.reportDecided(outcome: .approve, note: "approved"), reportID: id, actor: "sam",
                                    signedBy: "ana", at: sandbox.now())
        let expected = StoreError.damaged(path: sandbox.path(), seq: seq,
                                          reason: "its signature is not sam's (altered, or made with another user's key)")
        #expect(storeError { _ = try SQLiteStore.verify(at: sandbox.path()) } == expected)
        #expect(storeError { _ = try SQLiteStore.open(at: sandbox.path()) } == expected)
    }

    @Test("signatures are checked in batches, yet a bad one is named before damage found after it")
    func firstBadSeqAcrossTheBatch() throws {
        let sandbox = try StoreSandbox()
        let (id, keyring) = try escalatedDesk(sandbox)
        // Opened before the forgery, so the walk (not the open's own one-by-one check of the tail) meets it.
        let store = try SQLiteStore.open(at: sandbox.path())
        let forger = Forger(path: sandbox.path(), sealer: PlainSealer(), keyring: keyring)
        let forged = try forger.append(.commented(text: "as sam"), reportID: id, actor: "sam", signedBy: "ana", at: sandbox.now())
        // A later event that breaks a rule: the walk meets it while the forged signature still waits in its batch.
        try forger.append(.reportDecided(outcome: .approve, note: "by an officer"), reportID: id, actor: "ana", signedBy: "ana", at: sandbox.now())
        #expect(storeError { _ = try store.verifyChain() }
                == .damaged(path: sandbox.path(), seq: forged, reason: "its signature is not sam's (altered, or made with another user's key)"))
    }

    @Test("an officer's own signed decision is still refused: her role could not decide")
    func decisionByOfficer() throws {
        let sandbox = try StoreSandbox()
        let (id, keyring) = try escalatedDesk(sandbox)
        let forger = Forger(path: sandbox.path(), sealer: PlainSealer(), keyring: keyring)
        let seq = try forger.append(.reportDecided(outcome: .approve, note: "approved"), reportID: id, actor: "ana",
                                    signedBy: "ana", at: sandbox.now())
        let error = storeError { _ = try SQLiteStore.verify(at: sandbox.path()) }
        #expect(damagedSeq(error, path: sandbox.path()) == seq)
        #expect(error?.description.contains("not allowed") == true)
    }

    @Test("an admin cannot speak as a user: a key swapped in by a role change is ignored, and what it signs fails")
    func adminSwapsKey() throws {
        let sandbox = try StoreSandbox()
        let (id, keyring) = try escalatedDesk(sandbox)
        var forged = keyring
        // The admin's own key, filed under sam: as if the admin had put their key into sam's roster entry.
        let adminKey = try #require(keyring.key(for: "admin"))
        forged.add("sam", UserSecrets(signing: adminKey, agreement: nil))
        let forger = Forger(path: sandbox.path(), sealer: PlainSealer(), keyring: forged)
        let adminPublic = PublicKeys(signing: adminKey.publicKey.rawRepresentation, sealing: nil)
        try forger.append(.userChanged(User(name: "sam", role: .supervisor, keys: adminPublic)), reportID: nil, actor: "admin",
                          signedBy: "admin", at: sandbox.now())
        let seq = try forger.append(.reportDecided(outcome: .approve, note: "approved"), reportID: id, actor: "sam",
                                    signedBy: "sam", at: sandbox.now())
        #expect(storeError { _ = try SQLiteStore.verify(at: sandbox.path()) }
                == .damaged(path: sandbox.path(), seq: seq, reason: "its signature is not sam's (altered, or made with another user's key)"))
    }

    @Test("a rewritten log re-signed from the first event by a new admin key shows another founder key")
    func rewrittenFromTheStart() throws {
        let sandbox = try StoreSandbox()
        _ = try sandbox.makeDesk("one.vigil", reports: 1)
        _ = try sandbox.makeDesk("two.vigil", reports: 1)
        let one = try SQLiteStore.verify(at: sandbox.path("one.vigil"))
        let two = try SQLiteStore.verify(at: sandbox.path("two.vigil"))
        #expect(one.events == two.events)
        #expect(one.founderKey != two.founderKey)
    }

    @Test("a sealed store's process signs only as the user who unlocked it")
    func signsOnlyAsItsUser() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        let asAna = try SQLiteStore.open(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.anaPassphrase))
        let id = try sandbox.create(in: asAna, title: "Threat by phone")
        let head = asAna.state.head
        #expect(storeError { try asAna.perform(.take(id: id), as: "sam", now: sandbox.now()) }
                == .cannotSign(path: sandbox.path(), actor: "sam"))
        #expect(asAna.state.head == head)
        #expect(try SQLiteStore.verify(at: sandbox.path(), sealer: SealedFixture.adminSealer(sandbox)).events == head)
    }

    @Test("a store of the earlier, unsigned format is refused with what to do")
    func olderFormat() throws {
        let sandbox = try StoreSandbox()
        _ = try sandbox.makeDesk(reports: 1)
        try sandbox.tamper("desk.vigil", "UPDATE meta SET value = '1' WHERE key = 'version'")
        let error = storeError { _ = try SQLiteStore.open(at: sandbox.path()) }
        #expect(error == .olderFormat(path: sandbox.path(), found: 1, supported: 2))
        #expect(error?.description.contains("export it with the earlier build and import the file into a new store") == true)
    }
}
