/// `@name` mentions in comment text: a mention puts the report in that user's queue.
public enum Mentions {
    /// The names mentioned, without the `@`; a name is letters, digits, `.`, `_` or `-`, as on the roster.
    public static func names(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current: String?
        for character in text {
            if character == "@" {
                if let name = current, !name.isEmpty { names.insert(trimmed(name)) }
                current = ""
            } else if current != nil, character.isLetter || character.isNumber || "._-".contains(character) {
                current?.append(character)
            } else {
                if let name = current, !name.isEmpty { names.insert(trimmed(name)) }
                current = nil
            }
        }
        if let name = current, !name.isEmpty { names.insert(trimmed(name)) }
        return names
    }

    /// A sentence's full stop after a name is not part of it.
    private static func trimmed(_ name: String) -> String {
        var name = name
        while let last = name.last, ".-_".contains(last) { name.removeLast() }
        return name
    }
}
