/// Editable text with a cursor, for prompts and form fields.
///
/// The cursor is a grapheme offset in `0...count`. Keys (via `handle(_:)`): printable characters insert;
/// Backspace, Del, Left, Right, Home, End as usual; C-a / C-e go home / end, C-u clears the line, C-k deletes
/// to the end, C-w deletes the word before the cursor. Control characters are never inserted: tabs and pasted
/// newlines become spaces, unless `allowsNewlines` is on (then newlines stay and Enter inserts one).
public struct LineEditor: Sendable, Hashable {
    private var characters: [Character]
    /// The cursor as a grapheme offset in `0...text.count`.
    public private(set) var cursor: Int
    /// True for multi-line fields: Enter and pasted newlines insert "\n".
    public var allowsNewlines: Bool

    /// An editor holding `text` with the cursor at `cursor` (clamped), or at the end.
    public init(_ text: String = "", cursor: Int? = nil, allowsNewlines: Bool = false) {
        self.allowsNewlines = allowsNewlines
        characters = Array(LineEditor.filter(text, allowsNewlines: allowsNewlines))
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
    }

    /// The current text.
    public var text: String { String(characters) }

    /// True when there is no text.
    public var isEmpty: Bool { characters.isEmpty }

    /// The graphemes of the text, for renderers.
    public var graphemes: [Character] { characters }

    /// Display columns before the cursor on its line (what a single-line field scrolls by).
    public var cursorColumn: Int {
        var column = 0
        for character in characters[..<cursor] {
            column = character.isNewline ? 0 : column + DisplayWidth.of(character)
        }
        return column
    }

    /// Inserts text at the cursor and moves the cursor past it.
    public mutating func insert(_ text: String) {
        let cleaned = LineEditor.filter(text, allowsNewlines: allowsNewlines)
        guard !cleaned.isEmpty else { return }
        // Rebuild through String so combining marks join their base like they will on screen.
        let before = String(characters[..<cursor]) + cleaned
        let joined = Array(before + String(characters[cursor...]))
        characters = joined
        cursor = min(Array(before).count, joined.count)
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Moves the cursor to a grapheme offset (clamped).
    public mutating func move(to offset: Int) { cursor = min(max(0, offset), characters.count) }

    /// Removes all text.
    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    /// Deletes from the cursor to the end.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Deletes the word before the cursor, and the spaces between it and the cursor.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies an editing key; returns false (changing nothing) for keys the editor does not handle.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .enter where allowsNewlines: insert("\n")
        case .backspace: backspace()
        case .delete: delete()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): clear()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    private static func filter(_ text: String, allowsNewlines: Bool) -> String {
        var result = ""
        for character in text {
            if allowsNewlines, character.isNewline {
                result.append("\n")
            } else if let kept = TextSanitizer.clean(character) {
                result.append(kept)
            }
        }
        return result
    }
}
