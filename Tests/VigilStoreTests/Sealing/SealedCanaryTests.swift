import Foundation
import Testing
import VigilCore
import VigilStore

/// Unique strings in every kind of sensitive text, written through the store API with snapshots forced, then
/// searched for as raw bytes in every file of the store's folder (the store, its WAL and shared memory): none
/// may be found in a sealed store, and all of them are found in a plain one (so the search itself works).
@Suite("Sealing: canaries")
struct SealedCanaryTests {
    /// A run-unique marker every canary carries.
    private static let marker = "QQCANARY\(UUID().uuidString.prefix(6))QQ"

    /// Records `reports` reports full of canaries, comments, assesses, escalates and edits them, and writes a
    /// snapshot; returns every canary written.
    private func fill(_ store: SQLiteStore, _ sandbox: StoreSandbox, reports: Int) throws -> [String] {
        var canaries: [String] = []
        func canary(_ what: String, _ index: Int) -> String {
            let text = "\(Self.marker)-\(what)-\(index)"
            canaries.append(text)
            return text
        }
        var submissions: [Submission] = []
        for index in 0..<reports {
            submissions.append(Submission(.create([
                .title: "Threat to \(canary("title", index))", .country: "NP", .acts: "death_threat",
                .narrative: "She was followed from \(canary("narrative", index)) to the office.",
                .defenderRealName: canary("realname", index), .defenderContact: canary("contact", index),
                .placeDescription: canary("place", index), .adminArea: canary("area", index),
                .defenderPseudonym: canary("pseudonym", index), .safeContactChannel: canary("channel", index),
            ]), actor: "ana", now: sandbox.now()))
        }
        try store.performAll(submissions)
        let ids = store.state.reports.map(\.id)
        for (index, id) in ids.prefix(10).enumerated() {
            try store.perform(.comment(id: id, text: "Called \(canary("comment", index))"), as: "ana", now: sandbox.now())
            try store.perform(.take(id: id), as: "ana", now: sandbox.now())
            try store.perform(.assess(id: id, RiskInput(threat: 5, vulnerability: 4, capacity: 2,
                                                        levelOverride: .critical, justification: canary("justification", index))),
                              as: "ana", now: sandbox.now())
            try store.perform(.escalate(id: id, reason: canary("reason", index), to: nil), as: "ana", now: sandbox.now())
            try store.perform(.edit(id: id, values: [.defenderContact: canary("edited", index)], expectedVersion: nil),
                              as: "ana", now: sandbox.now())
        }
        try store.writeSnapshot()
        return canaries
    }

    @Test("a sealed store: 0 canaries in the file, WAL and shared memory, with a snapshot, open and closed")
    func sealed() throws {
        let sandbox = try StoreSandbox()
        let folder = sandbox.folder + "/vault"
        let path = folder + "/desk.vigil"
        var store: SQLiteStore? = try SQLiteStore.create(at: path, admin: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase), now: sandbox.now())
        try store?.addUser(User(name: "ana", role: .officer), passphrase: Passphrase(SealedFixture.anaPassphrase), as: "admin", now: sandbox.now())
        let canaries = try fill(try #require(store), sandbox, reports: 50)
        #expect(canaries.count == 50 * 8 + 10 * 4)

        // While open, the recent commits (snapshot included) are in the WAL.
        #expect(try CanaryScan.files(under: folder) == ["desk.vigil", "desk.vigil-shm", "desk.vigil-wal"])
        #expect(try sandbox.size("vault/desk.vigil-wal") > 100_000)
        #expect(try CanaryScan.hits(canaries + [Self.marker], under: folder) == [])
        try store?.checkpoint()
        #expect(try CanaryScan.hits(canaries + [Self.marker], under: folder) == [])
        store = nil
        #expect(try CanaryScan.hits(canaries + [Self.marker], under: folder) == [])

        // The text is all there for the key holder, from the sealed snapshot.
        let reopened = try SQLiteStore.open(at: path, user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase))
        let text = reopened.state.reports.map { "\($0.fields)" }.joined()
        #expect(text.contains("\(Self.marker)-realname-49"))
        #expect(try SQLiteStore.verify(at: path, sealer: SQLiteStore.unlock(at: path, user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase))).snapshots == 1)
    }

    @Test("the same work on a plain store leaves the canaries readable (the search finds them)")
    func plainControl() throws {
        let sandbox = try StoreSandbox()
        let folder = sandbox.folder + "/open"
        let store = try SQLiteStore.create(at: folder + "/desk.vigil", admin: "admin", now: sandbox.now())
        try store.perform(.addUser(User(name: "ana", role: .officer)), as: "admin", now: sandbox.now())
        let canaries = try fill(store, sandbox, reports: 50)
        try store.checkpoint()
        let found = Set(try CanaryScan.hits(canaries, under: folder).map { $0.split(separator: " ").last.map(String.init) ?? "" })
        #expect(found == Set(canaries))
    }
}
