import Foundation
import GRDB
import Testing
import VigilCore
import VigilStore

@Suite("Sealing: scrypt parameters are stored and checked on open")
struct KeyParameterTests {
    @Test("a new key row holds scrypt N = 2^17, r = 8, p = 1, a 32-byte salt and wrapped secrets, nothing in clear")
    func storedParameters() throws {
        let sandbox = try StoreSandbox()
        let store = try SealedFixture.desk(sandbox)
        try store.checkpoint()
        let row = try #require(try sandbox.read("desk.vigil", "SELECT scrypt_n || ',' || scrypt_r || ',' || scrypt_p || ',' || kdf || ',' || length(salt) || ',' || length(secrets) FROM keys WHERE user = 'admin'") as String?)
        // The wrap is nonce (12) + the signing and agreement keys (32 + 32) + tag (16).
        #expect(row == "131072,8,1,scrypt,32,92")
        #expect(try CanaryScan.hits([SealedFixture.adminPassphrase], under: sandbox.folder).isEmpty)
    }

    @Test("out-of-range parameters are refused before any derivation, naming the file and what was found",
          arguments: [
              ("scrypt_n = 65536", "N=65536, r=8, p=1"),
              ("scrypt_n = 1073741824", "N=1073741824, r=8, p=1"),
              ("scrypt_n = 393216", "N=393216, r=8, p=1"),
              ("scrypt_n = 0", "N=0, r=8, p=1"),
              ("scrypt_r = 16", "N=131072, r=16, p=1"),
              ("scrypt_r = 1", "N=131072, r=1, p=1"),
              ("scrypt_p = 2", "N=131072, r=8, p=2"),
              ("scrypt_p = -1", "N=131072, r=8, p=-1"),
          ])
    func refused(change: String, found: String) throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        try sandbox.tamper("desk.vigil", "UPDATE keys SET \(change) WHERE user = 'admin'")
        let error = storeError {
            _ = try SQLiteStore.open(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase))
        }
        #expect(error == .unsafeKey(path: sandbox.path(), reason: "the key of 'admin' asks for scrypt \(found); this build accepts N a power of two from 2^17 to 2^20, r = 8, p = 1"))
        #expect(error?.description.hasPrefix("\(sandbox.path()): refusing to open: ") == true)
    }

    @Test("a salt shorter than 16 bytes is refused")
    func shortSalt() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        try sandbox.tamper("desk.vigil", "UPDATE keys SET salt = x'0001020304050607' WHERE user = 'admin'")
        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase)) }
                == .unsafeKey(path: sandbox.path(), reason: "the key of 'admin' has a salt of 8 bytes; at least 16 are needed"))
    }

    @Test("a key row renamed to another user does not open for them (the user name is authenticated)")
    func renamedRow() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        try sandbox.tamper("desk.vigil", "DELETE FROM keys WHERE user = 'ana'; UPDATE keys SET user = 'ana' WHERE user = 'admin'")
        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "ana", passphrase: Passphrase(SealedFixture.adminPassphrase)) }
                == .wrongPassphrase(path: sandbox.path()))
    }

    @Test("a sealed store without its keys table is damaged")
    func missingKeysTable() throws {
        let sandbox = try StoreSandbox()
        try SealedFixture.copyDesk(into: sandbox)
        try sandbox.tamper("desk.vigil", "DROP TABLE keys")
        #expect(storeError { _ = try SQLiteStore.unlock(at: sandbox.path(), user: "admin", passphrase: Passphrase(SealedFixture.adminPassphrase)) }
                == .damaged(path: sandbox.path(), seq: nil, reason: "the store's keys table is missing"))
    }
}
