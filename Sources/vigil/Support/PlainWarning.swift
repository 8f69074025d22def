/// The one line every command on a plain (unsealed) store prints on standard error, before any console starts;
/// standard output stays clean for scripts.
enum PlainWarning {
    static func text(_ path: String) -> String {
        "warning: \(path) is not sealed: anyone who can read the file can read the reports"
    }

    static func print(_ path: String, note: String? = nil) {
        Output.error(text(path) + (note.map { " (\($0))" } ?? ""))
    }
}
