import Foundation
import VigilCore

/// The edges of the program: the wall clock, the environment, the acting user. Read here and passed inward.
enum Environment {
    static var now: Date { Date() }

    static func variable(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// `$VIGIL_USER`, else the login name.
    static var actor: String {
        if let user = variable("VIGIL_USER") { return user }
        if let login = getlogin() { return String(cString: login) }
        return variable("USER") ?? "unknown"
    }

    /// `--store`, else `$VIGIL_STORE`, else `$XDG_DATA_HOME/vigil/desk.vigil` (default `~/.local/share`).
    static func storePath(_ option: String?) -> String {
        if let option { return absolute(option) }
        if let path = variable("VIGIL_STORE") { return absolute(path) }
        let dataHome = variable("XDG_DATA_HOME") ?? (NSHomeDirectory() + "/.local/share")
        return dataHome + "/vigil/desk.vigil"
    }

    /// The demo store's default place, beside the real one so it is never mistaken for it.
    static func demoStorePath(_ option: String?) -> String {
        if let option { return absolute(option) }
        let dataHome = variable("XDG_DATA_HOME") ?? (NSHomeDirectory() + "/.local/share")
        return dataHome + "/vigil/demo.vigil"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst(1) }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
