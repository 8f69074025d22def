import CNcurses
import Glibc

/// Sets the process locale for wide-character output.
enum TerminalLocale {
    /// Adopts the environment's locale, falling back to C.UTF-8 when its codeset is not UTF-8 (so ncursesw can
    /// still handle wide characters). Returns whether the environment's own locale was UTF-8, which is what
    /// decides Unicode versus ASCII borders.
    static func configure() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return true }
        if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
        return false
    }

    static func isUTF8Codeset() -> Bool {
        guard let codeset = vigil_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
