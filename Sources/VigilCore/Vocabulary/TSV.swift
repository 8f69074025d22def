/// Reads the tab-separated vocabulary files of Resources/: `#` starts a comment line, blank lines are skipped.
public enum TSV {
    /// A parse failure naming the file and line.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let file: String
        public let line: Int
        public let problem: String
        public var description: String { "\(file):\(line): \(problem)" }
    }

    /// Rows of fields with their 1-based line numbers; each row has at least `minimumFields` fields.
    public static func rows(_ text: String, file: String, minimumFields: Int) throws -> [(line: Int, fields: [String])] {
        var result: [(line: Int, fields: [String])] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so a CRLF line ending must be matched as such, not as "\n".
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard fields.count >= minimumFields else {
                throw ParseError(file: file, line: lineNumber,
                                 problem: "expected \(minimumFields) tab-separated fields, found \(fields.count)")
            }
            result.append((lineNumber, fields))
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        // Cut once, by index: rebuilding the text scalar by scalar was most of an import's time.
        return String(Substring(self).unicodeScalars[start..<end])
    }
}
