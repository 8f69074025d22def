import TerminalKit

/// A one-line prompt at the bottom: the filter, a command by name, or a text search.
public struct Prompt: Sendable {
    /// What the prompt is for.
    public enum Kind: Sendable, Equatable {
        case filter, command, search
    }

    public var kind: Kind
    public var editor: LineEditor
    /// The error shown in place (a filter that does not parse, an unknown command).
    public var error: String?
    /// Completions for the command prompt.
    public var completions: [String] = []

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.editor = LineEditor(text)
    }

    public var label: String {
        switch kind {
        case .filter: "filter: "
        case .command: ":"
        case .search: "/"
        }
    }
}
