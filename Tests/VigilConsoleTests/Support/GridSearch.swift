import TerminalKit

/// Where text is drawn in a grid, by cell column (wide characters count two, as on screen).
struct Found: Equatable, CustomStringConvertible {
    let x: Int
    let y: Int
    /// The columns the text takes.
    let width: Int

    var description: String { "(\(x), \(y)) width \(width)" }
}

extension Grid {
    /// Every place `text` is drawn on one row, left to right, top to bottom.
    func find(_ text: String) -> [Found] {
        let wanted = Array(text)
        guard !wanted.isEmpty else { return [] }
        var found: [Found] = []
        for y in 0..<height {
            // The row's characters with the column each starts at.
            var characters: [(character: Character, x: Int)] = []
            for x in 0..<width where !self[x, y].isContinuation { characters.append((self[x, y].character, x)) }
            guard characters.count >= wanted.count else { continue }
            for start in 0...(characters.count - wanted.count)
            where (0..<wanted.count).allSatisfy({ characters[start + $0].character == wanted[$0] }) {
                let last = characters[start + wanted.count - 1]
                let end = last.x + max(self[last.x, y].width, 1)
                found.append(Found(x: characters[start].x, y: y, width: end - characters[start].x))
            }
        }
        return found
    }

    /// Where `text` is drawn inside `rect` only.
    func find(_ text: String, in rect: Rect) -> [Found] {
        find(text).filter { $0.y >= rect.y && $0.y < rect.maxY && $0.x >= rect.x && $0.x + $0.width <= rect.maxX }
    }

    /// The roles of the cells a found text takes (continuation cells included).
    func roles(_ found: Found) -> [Role] { (found.x..<(found.x + found.width)).map { self[$0, found.y].role } }

    /// The roles of a row between two columns.
    func roles(y: Int, from x: Int, to end: Int) -> [Role] { (x..<end).map { self[$0, y].role } }
}
