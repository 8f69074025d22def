import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a tmux pane, one string per row (trailing blanks trimmed by tmux).
struct ConsoleScreen: CustomStringConvertible {
    let lines: [String]

    init(_ captured: String) {
        var lines = captured.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    var text: String { lines.joined(separator: "\n") }

    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// Row `index` ("" when the screen has fewer rows).
    func line(_ index: Int) -> String { lines.indices.contains(index) ? lines[index] : "" }

    /// The rows containing `text`.
    func lines(containing text: String) -> [String] { lines.filter { $0.contains(text) } }

    /// The screen framed with row numbers, for failure messages.
    var description: String {
        let width = lines.map(ConsoleScreen.displayWidth).max() ?? 0
        let rule = "    +" + String(repeating: "-", count: width) + "+"
        let rows = lines.enumerated().map { index, line in
            let number = String(index)
            return String(repeating: " ", count: max(0, 3 - number.count)) + number + " |" + line
                + String(repeating: " ", count: max(0, width - ConsoleScreen.displayWidth(line))) + "|"
        }
        return ([rule] + rows + [rule]).joined(separator: "\n")
    }

    // MARK: Boxes

    /// The screen as terminal cells: a wide character fills its first cell and leaves "" in the next; zero-width
    /// marks join the cell before them.
    var cells: [[String]] { lines.map(ConsoleScreen.cells) }

    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        for character in line {
            let width = displayWidth(String(character))
            if width == 0, !cells.isEmpty {
                cells[cells.count - 1] += String(character)
                continue
            }
            cells.append(String(character))
            if width > 1 { cells.append(contentsOf: Array(repeating: "", count: width - 1)) }
        }
        return cells
    }

    /// Every box drawn on screen ("┌" ... "┐" over "│" sides down to "└" ... "┘"), top to bottom, left to right.
    var boxes: [ConsoleBox] {
        let grid = cells
        func cell(_ row: Int, _ column: Int) -> String {
            grid.indices.contains(row) && grid[row].indices.contains(column) ? grid[row][column] : ""
        }
        var boxes: [ConsoleBox] = []
        for (top, row) in grid.enumerated() {
            for (left, corner) in row.enumerated() where corner == "┌" {
                guard let right = row[(left + 1)...].firstIndex(of: "┐") else { continue }
                var bottom = top + 1
                while cell(bottom, left) == "│" { bottom += 1 }
                guard cell(bottom, left) == "└" else { continue }
                let title = row[(left + 1)..<right].joined()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "─ "))
                let rows = ((top + 1)..<bottom).map { grid[$0][(left + 1)..<min(right, grid[$0].count)].joined() }
                let closed = ((top + 1)..<bottom).allSatisfy { cell($0, right) == "│" } && cell(bottom, right) == "┘"
                boxes.append(ConsoleBox(title: title, top: top, left: left, bottom: bottom, right: right,
                                        rows: rows, isClosed: closed))
            }
        }
        return boxes
    }

    /// The first box whose title contains `title`.
    func box(_ title: String) -> ConsoleBox? { boxes.first { $0.title.contains(title) } }

    /// The report list: the triage list or the escalation queue.
    var list: ConsoleBox? { boxes.first { $0.title.contains("Reports:") || $0.title.contains("Escalations:") } }

    /// The report ids starting the list's rows, in screen order.
    var listedIDs: [String] { list?.rows.compactMap(ConsoleScreen.leadingID) ?? [] }

    /// The list's row of report `id`, if it is on screen.
    /// Rows start with a mark column (`*` when marked for a bulk action, `@` when someone else has it open), then
    /// the id.
    func row(of id: String) -> String? { list?.rows.first { ConsoleScreen.unmarked($0).hasPrefix(id + " ") } }

    static func unmarked(_ row: String) -> String { String(row.drop { $0 == " " || $0 == "*" || $0 == "@" }) }

    /// The report the detail box shows (the id its first row starts with).
    var detailID: String? { box("Detail")?.rows.first.flatMap(ConsoleScreen.leadingID) }

    static func leadingID(_ row: String) -> String? {
        let word = unmarked(row).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return isReportID(word) ? word : nil
    }

    static func isReportID(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0] == "R" && parts[1].count == 4 && parts[2].count == 5
            && parts[1].allSatisfy(\.isNumber) && parts[2].allSatisfy(\.isNumber)
    }

    // MARK: Frame

    /// What is wrong with the frame of a console screen of `width` x `height` holding `boxes` boxes: boxes fill
    /// rows 1 to `height - 3` edge to edge, every box closed (its right side and bottom where its top says), every
    /// row within the width, nothing but text below the boxes, the status bar last. Empty when all is well.
    func frameProblems(width: Int, height: Int, boxes expected: Int, statusBar: String) -> [String] {
        var problems: [String] = []
        if lines.count != height { problems.append("\(lines.count) rows, expected \(height)") }
        for (index, line) in lines.enumerated() where ConsoleScreen.displayWidth(line) > width {
            problems.append("row \(index) is \(ConsoleScreen.displayWidth(line)) columns wide (> \(width))")
        }
        guard lines.count == height, height >= 5 else { return problems }
        let found = boxes
        if found.count != expected {
            problems.append("\(found.count) boxes (\(found.map(\.title))), expected \(expected)")
        }
        for box in found where !box.isClosed { problems.append("box \"\(box.title)\" is not closed on its right or bottom") }
        for index in 1...(height - 3) {
            let line = lines[index]
            if ConsoleScreen.displayWidth(line) != width {
                problems.append("box row \(index) is \(ConsoleScreen.displayWidth(line)) columns, not \(width): \(line)")
            }
            if !(line.first.map { "┌│└".contains($0) } ?? false) || !(line.last.map { "┐│┘".contains($0) } ?? false) {
                problems.append("row \(index) does not run from box edge to box edge: \(line)")
            }
        }
        if !lines[1].hasPrefix("┌") || !lines[height - 3].hasPrefix("└") {
            problems.append("the boxes do not span rows 1 to \(height - 3)")
        }
        for index in [0, height - 2, height - 1] where lines[index].contains(where: { "┌┐└┘│".contains($0) }) {
            problems.append("row \(index), outside the boxes, has box drawing: \(lines[index])")
        }
        if !lines[height - 1].contains(statusBar) {
            problems.append("the last row is not the status bar (\(statusBar)): \(lines[height - 1])")
        }
        return problems
    }

    /// The screen with every number (and a time unit right after it) as "#" and no blanks, so two captures a few
    /// seconds apart compare equal when only clocks and "5m ago"s moved (alignment is `frameProblems`'s job).
    var normalized: [String] {
        lines.map { line in
            var out = ""
            var characters = Array(line)[...]
            while let character = characters.first {
                if character.isASCII, character.isNumber {
                    while let next = characters.first, next.isASCII, next.isNumber { characters.removeFirst() }
                    if let unit = characters.first, "smhd".contains(unit),
                       characters.dropFirst().first.map({ !$0.isLetter }) ?? true {
                        characters.removeFirst()
                    }
                    out.append("#")
                } else if character == " " {
                    characters.removeFirst()
                } else {
                    out.append(character)
                    characters.removeFirst()
                }
            }
            return out
        }
    }

    // MARK: Display width, as the terminal (tmux, through the C library) counts it

    /// Columns `text` covers: the sum of `wcwidth` of its scalars in a UTF-8 locale (negative counts as 0).
    static func displayWidth(_ text: String) -> Int {
        withUTF8Locale {
            text.unicodeScalars.reduce(0) { $0 + max(0, Int(utf8Locale.width(Int32(bitPattern: $1.value)))) }
        }
    }

    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale.value else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    private static let utf8Locale = ConsoleLocale()

    // MARK: Escape codes (from `capture-pane -e`)

    /// The parameter strings of every SGR sequence (`ESC [ params m`) in the text, in order.
    func sgrSequences() -> [String] {
        var sequences: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count, !(0x40...0x7E).contains(scalars[end].value) { end += 1 }
            if end < scalars.count, scalars[end] == "m" {
                sequences.append(String(String.UnicodeScalarView(scalars[(index + 2)..<end])))
            }
            index = end + 1
        }
        return sequences
    }

    /// Whether an SGR parameter string sets a colour: 30-37, 40-47, 90-97, 100-107, or 38/48/58 (256 and RGB).
    /// 39 and 49 (back to the default colours) are not colours.
    static func setsColour(_ parameters: String) -> Bool {
        parameters.split(separator: ";", omittingEmptySubsequences: false).contains { parameter in
            let head = parameter.split(separator: ":").first.map(String.init) ?? ""
            guard let code = Int(head) else { return false }
            return (30...37).contains(code) || (40...47).contains(code) || (90...97).contains(code)
                || (100...107).contains(code) || [38, 48, 58].contains(code)
        }
    }

    /// Whether an SGR parameter string contains `code` (1 bold, 7 reverse...) among its parameters.
    static func sgr(_ parameters: String, has code: Int) -> Bool {
        var parts = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }[...]
        while let part = parts.popFirst() {
            if part == code { return true }
            // Skip the arguments of an extended colour so "38;5;7" is not read as reverse.
            if part == 38 || part == 48 || part == 58 {
                switch parts.popFirst() {
                case .some(.some(5)): _ = parts.popFirst()
                case .some(.some(2)): parts = parts.dropFirst(3)
                default: break
                }
            }
        }
        return false
    }
}

/// A box on screen: its title (focused when bracketed, "[ Reports: 3 matching ]"), where its corners are, and
/// the text inside its sides, row by row.
struct ConsoleBox {
    let title: String
    let top: Int
    let left: Int
    let bottom: Int
    let right: Int
    let rows: [String]
    /// Its right side and bottom-right corner are where its top-right corner says.
    let isClosed: Bool

    var isFocused: Bool { title.hasPrefix("[") }
    var width: Int { right - left + 1 }
    func contains(_ text: String) -> Bool { rows.contains { $0.contains(text) } }

    /// A table cell: the text of `row` under the header word `column` of the box's first row (up to where the
    /// next header word starts), trimmed; nil without such a header.
    func value(_ column: String, in row: String) -> String? {
        guard let header = rows.first else { return nil }
        let headerCells = ConsoleScreen.cells(of: header)
        var starts: [(word: String, start: Int)] = []
        var index = 0
        while index < headerCells.count {
            if headerCells[index] == " " || headerCells[index].isEmpty { index += 1; continue }
            let start = index
            var word = ""
            while index < headerCells.count, headerCells[index] != " " { word += headerCells[index]; index += 1 }
            starts.append((word, start))
        }
        guard let position = starts.firstIndex(where: { $0.word == column }) else { return nil }
        let rowCells = ConsoleScreen.cells(of: row)
        let start = starts[position].start
        let end = position + 1 < starts.count ? starts[position + 1].start : rowCells.count
        guard start < rowCells.count else { return "" }
        return rowCells[start..<min(end, rowCells.count)].joined().trimmingCharacters(in: .whitespaces)
    }
}

/// A C.UTF-8 locale and the C library's `wcwidth` (not exported by the Swift overlay, so looked up), made once.
final class ConsoleLocale: @unchecked Sendable {
    typealias WidthFunction = @convention(c) (Int32) -> Int32

    let value: locale_t?
    private let wcwidth: WidthFunction?

    init() {
        value = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) ?? newlocale(LC_CTYPE_MASK, "C.utf8", nil)
            ?? newlocale(LC_CTYPE_MASK, "en_US.UTF-8", nil)
        let symbol = dlopen(nil, RTLD_NOW).flatMap { dlsym($0, "wcwidth") }
        wcwidth = symbol.map { unsafeBitCast($0, to: WidthFunction.self) }
    }

    /// `wcwidth(scalar)` in the current thread's locale; without the C function, 1 for anything printable.
    func width(_ scalar: Int32) -> Int32 {
        if let wcwidth { return wcwidth(scalar) }
        return scalar < 0x20 ? -1 : 1
    }
}
