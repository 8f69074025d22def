/// Truncating, padding and wrapping text by display width (see `DisplayWidth`), never by character count.
public enum TextLayout {
    /// The text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// A wide character that would cross the limit is dropped whole. If even the ellipsis does not fit, the
    /// text is cut without it.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// The text padded with spaces to exactly `width` columns; longer text is truncated with `ellipsis` first.
    public static func pad(_ text: String, to width: Int, align: TextAlignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, to: width, ellipsis: ellipsis)
        let gap = width - DisplayWidth.of(fitted)
        switch align {
        case .left:
            return fitted + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + fitted
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + fitted + String(repeating: " ", count: gap - before)
        }
    }

    /// Word-wrapped lines of at most `width` columns each.
    ///
    /// Every line break in `text` starts a new paragraph (blank lines are kept as empty lines); lines break at
    /// spaces, which are dropped at the break; a word longer than `width` is broken hard. A tab counts as a
    /// space. Returns `[]` when `width` is 0 or less, and `[""]` for empty text.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let characters = Array(text)
        return wrapRanges(characters, width: width).map { String(characters[$0]) }
    }

    /// The ranges of `characters` that `wrap` turns into lines (line breaks and break spaces excluded).
    ///
    /// Exposed so editors can map a cursor offset to a wrapped row and column.
    public static func wrapRanges(_ characters: [Character], width: Int) -> [Range<Int>] {
        guard width > 0 else { return [] }
        var lines: [Range<Int>] = []
        var start = 0
        for (index, character) in characters.enumerated() where character.isNewline {
            wrapParagraph(characters, start..<index, width: width, into: &lines)
            start = index + 1
        }
        wrapParagraph(characters, start..<characters.count, width: width, into: &lines)
        return lines
    }

    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    private static func wrapParagraph(
        _ characters: [Character], _ paragraph: Range<Int>, width: Int, into lines: inout [Range<Int>]
    ) {
        let linesBefore = lines.count
        var lineStart = paragraph.lowerBound
        var column = 0
        var lastSpace: Int?
        var index = paragraph.lowerBound
        func trimmedEnd(_ end: Int) -> Int {
            var end = end
            while end > lineStart, isSpace(characters[end - 1]) { end -= 1 }
            return end
        }
        func skipSpaces(from position: Int) -> Int {
            var position = position
            while position < paragraph.upperBound, isSpace(characters[position]) { position += 1 }
            return position
        }
        while index < paragraph.upperBound {
            let character = characters[index]
            if isSpace(character) {
                if column + 1 > width {
                    lines.append(lineStart..<trimmedEnd(index))
                    index = skipSpaces(from: index)
                    lineStart = index
                    column = 0
                    lastSpace = nil
                    continue
                }
                lastSpace = index
                column += 1
                index += 1
                continue
            }
            let w = DisplayWidth.of(character)
            if column + w > width, column > 0 {
                if let space = lastSpace {
                    // Break at the last space: the word in progress moves to the next line.
                    lines.append(lineStart..<trimmedEnd(space))
                    lineStart = skipSpaces(from: space)
                    column = DisplayWidth.of(String(characters[lineStart..<index]))
                    lastSpace = nil
                    if column + w <= width || column == 0 { continue }
                }
                // The word alone is wider than a line: break it hard.
                lines.append(lineStart..<index)
                lineStart = index
                column = 0
                lastSpace = nil
                continue
            }
            column += w
            index += 1
        }
        // Spaces that overflowed the last line do not make an extra empty line.
        if lineStart < paragraph.upperBound || lines.count == linesBefore {
            lines.append(lineStart..<paragraph.upperBound)
        }
    }
}
