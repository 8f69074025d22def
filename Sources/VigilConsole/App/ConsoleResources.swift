import VigilCore

/// The console's files from Resources/ (keymap, help), compiled into the binary.
enum ConsoleResources {
    static func text(_ name: String) -> String { EmbeddedResources.files[name] ?? "" }
}
