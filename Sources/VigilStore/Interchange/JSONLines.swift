import VigilCore

/// JSON Lines: one JSON object per line, blank lines skipped. Unlike CSV, a broken line leaves the others
/// readable, so reading collects a problem per bad line and carries on.
public enum JSONLines {
    /// One object read from the file and the 1-based line it is on.
    public struct Object: Sendable, Equatable {
        public let line: Int
        public let members: [JSONValue.Member]

        public init(line: Int, members: [JSONValue.Member]) {
            self.line = line
            self.members = members
        }
    }

    /// Every object of the text, and a problem for each line that is not one JSON object.
    public static func read(_ text: String, file: String) -> (objects: [Object], problems: [ImportProblem]) {
        var objects: [Object] = []
        var problems: [ImportProblem] = []
        // Split on LF scalars: as a Character, CRLF is one grapheme and would not match "\n", and splitting on
        // every Unicode newline would cut a line at a raw U+2028, which JSON strings may hold.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.first == "\u{FEFF}" { lines[0] = lines[0].dropFirst() }
        for (offset, scalars) in lines.enumerated() {
            let line = Substring(scalars)
            if line.allSatisfy(\.isWhitespace) { continue }
            do throws(JSONParser.SyntaxError) {
                guard case .object(let members) = try JSONParser.parse(line) else {
                    problems.append(ImportProblem(file: file, line: offset + 1, message: "each line must be one JSON object"))
                    continue
                }
                objects.append(Object(line: offset + 1, members: members))
            } catch {
                problems.append(ImportProblem(file: file, line: offset + 1,
                                              message: "invalid JSON at column \(error.column): \(error.message)"))
            }
        }
        return (objects, problems)
    }

    /// One line per record, each ending in LF.
    public static func write(_ records: [ReportRecord]) -> String {
        records.map { $0.json() + "\n" }.joined()
    }
}
