import Foundation
import TerminalKit

/// Key -> action for the normal (browsing) mode, built from the defaults in Resources/ and the user's keymap file.
/// Forms, prompts and overlays take keys as text first; only keys they do not use reach the keymap.
public struct Keymap: Sendable {
    public private(set) var bindings: [Key: ActionName]

    public init(bindings: [Key: ActionName]) { self.bindings = bindings }

    public func action(for key: Key) -> ActionName? { bindings[key] }

    /// The keys bound to an action, in a stable order, for help and the status bar.
    public func keys(for action: ActionName) -> [Key] {
        bindings.filter { $0.value == action }.map(\.key).sorted { $0.name < $1.name }
    }

    /// "j/Down" style text for an action, or "(unbound)".
    public func label(for action: ActionName) -> String {
        let names = keys(for: action).map(\.name)
        return names.isEmpty ? ":" + action.rawValue : names.joined(separator: "/")
    }

    /// Reads keymap text: `bind KEY ACTION`, `unbind KEY`, `#` comments. Problems name the file and line.
    public mutating func apply(_ text: String, file: String) -> [String] {
        var problems: [String] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let where_ = "\(file):\(offset + 1)"
            switch words.first {
            case "bind" where words.count == 3:
                guard let key = Key(name: words[1]) else { problems.append("\(where_): unknown key '\(words[1])'"); continue }
                guard let action = ActionName(rawValue: words[2]) else { problems.append("\(where_): unknown action '\(words[2])'"); continue }
                bindings[key] = action
            case "unbind" where words.count == 2:
                guard let key = Key(name: words[1]) else { problems.append("\(where_): unknown key '\(words[1])'"); continue }
                bindings[key] = nil
            default:
                problems.append("\(where_): expected 'bind KEY ACTION' or 'unbind KEY'")
            }
        }
        return problems
    }

    /// The default bindings shipped in Resources/keys.default.
    public static let standard: Keymap = {
        var keymap = Keymap(bindings: [:])
        let problems = keymap.apply(ConsoleResources.text("keys.default"), file: "keys.default")
        precondition(problems.isEmpty, "Resources/keys.default: \(problems)")
        return keymap
    }()
}
