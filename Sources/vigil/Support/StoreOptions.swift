import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `--store PATH`, shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (default: $VIGIL_STORE, else $XDG_DATA_HOME/vigil/desk.vigil).")
    var store: String?

    var path: String { Environment.storePath(store) }

    /// Opens the store; a sealed one with the acting user's passphrase, a plain one after its warning line.
    func open() throws -> SQLiteStore {
        let path = path
        return OpenStores.keep(try guarded { try SQLiteStore.open(at: path, sealer: try sealer()) })
    }

    /// What the store's payloads open with: the acting user's keys and the data keys, unwrapped with their
    /// passphrase (asked only when the store is sealed), or plain, after the one warning line.
    func sealer() throws -> any PayloadSealer {
        let path = path
        return try guarded {
            let sealing = try SQLiteStore.sealing(at: path)
            guard sealing.isSealed else {
                PlainWarning.print(path)
                return PlainSealer()
            }
            guard sealing.scheme == AEADSealer.scheme else {
                throw StoreError.notAStore(path: path, reason: "payloads are sealed with '\(sealing.scheme)', which this build cannot open")
            }
            let user = Environment.actor
            let passphrase = try PassphraseSource.current(for: user, store: path)
            return try SQLiteStore.unlock(at: path, user: user, passphrase: passphrase)
        }
    }
}

/// Runs a command body, turning every error into the exit-code contract.
@discardableResult
func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError.from(error)
    }
}

/// Parses a report id argument (`R-2026-00042`, `2026-42`) or fails naming it.
func reportID(_ text: String) throws -> String {
    guard let id = ReportID.normalise(text) else { throw CLIError.user("'\(text)' is not a report id like R-2026-00042") }
    return id
}

/// Joins filter words given as separate arguments back into one filter.
func parseFilter(_ words: [String], state: DeskState) throws -> Filter {
    let text = words.map { word in
        // An argument the shell already unquoted ("desk:South Asia") gets its quotes back.
        guard word.contains(" "), !word.contains("\"") else { return word }
        if let colon = word.firstIndex(of: ":"), !word[..<colon].contains(" ") {
            return String(word[...colon]) + "\"" + word[word.index(after: colon)...] + "\""
        }
        return "\"" + word + "\""
    }.joined(separator: " ")
    do {
        return try Filter.parse(text, vocabularies: state.vocabularies)
    } catch {
        throw CLIError.from(error)
    }
}

extension SQLiteStore {
    /// The filter context for the acting user at the wall-clock time.
    func context(now: Date) -> FilterContext {
        FilterContext(me: Environment.actor, now: now, clocks: state.clocks)
    }
}
