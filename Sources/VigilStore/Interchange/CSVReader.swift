/// Reads CSV as RFC 4180 describes it, keeping the line each record starts on so every problem can name it.
///
/// Hand-written rather than taken from yaslab/CSV.swift 2.5.2 (in the local package mirror): that reader exposes
/// no line or offset for a row, and it accepts malformed input silently (text after a closing quote is appended
/// to the field, an unterminated quote swallows the rest of the file as one field, a quote inside an unquoted
/// field is kept as data). Both would turn a broken partner file into quietly wrong reports.
///
/// Accepted: quoted fields holding commas, doubled quotes and line ends; CRLF, LF or CR line ends; a leading
/// UTF-8 byte order mark; empty lines between records (skipped). Line ends inside a quoted field are read as LF,
/// whatever the file uses, so a narrative reads the same whichever system wrote the file.
public enum CSVReader {
    /// One record: the 1-based line it starts on (line ends inside quotes count) and its fields.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Every record of the text, or the first syntax problem: after a broken quote nothing later can be trusted.
    public static func records(_ text: String, file: String) throws(ImportProblem) -> [Record] {
        var scanner = Scanner(text: text, file: file)
        return try scanner.records()
    }

    /// Scans UTF-8 bytes: every byte the syntax cares about (comma, quote, CR, LF) is ASCII, and no byte of a
    /// multi-byte character is, so fields are cut from the bytes and decoded once each.
    private struct Scanner {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1

        private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        init(text: String, file: String) {
            var bytes = Array(text.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            self.bytes = bytes
            self.file = file
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private static func isLineEnd(_ byte: UInt8?) -> Bool { byte == lf || byte == cr }

        mutating func records() throws(ImportProblem) -> [Record] {
            var records: [Record] = []
            while current != nil {
                if Self.isLineEnd(current) {
                    skipLineEnd()
                    continue
                }
                let start = line
                records.append(Record(line: start, fields: try fields()))
            }
            return records
        }

        /// The fields of one record, consuming its line end.
        private mutating func fields() throws(ImportProblem) -> [String] {
            var fields: [String] = []
            while true {
                let column = fields.count + 1
                fields.append(current == Self.quote ? try quotedField(column: column) : try plainField(column: column))
                if current == Self.comma {
                    index += 1
                    continue
                }
                if current != nil { skipLineEnd() }
                return fields
            }
        }

        private mutating func plainField(column: Int) throws(ImportProblem) -> String {
            let start = index
            while let byte = current, byte != Self.comma, !Self.isLineEnd(byte) {
                if byte == Self.quote {
                    throw problem(line, column, "a quote inside an unquoted field (quote the whole field and write the quote twice)")
                }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func quotedField(column: Int) throws(ImportProblem) -> String {
            let opened = line
            var field: [UInt8] = []
            index += 1
            while true {
                guard let byte = current else {
                    throw problem(opened, column, "the quoted field opened on this line is never closed")
                }
                if byte == Self.quote {
                    index += 1
                    guard current == Self.quote else { break }
                    field.append(Self.quote)
                    index += 1
                } else if Self.isLineEnd(byte) {
                    skipLineEnd()
                    field.append(Self.lf)
                } else {
                    field.append(byte)
                    index += 1
                }
            }
            if let next = current, next != Self.comma, !Self.isLineEnd(next) {
                throw problem(line, column, "text after the closing quote (write a quote inside a quoted field twice)")
            }
            return String(decoding: field, as: UTF8.self)
        }

        /// Consumes one line end (CRLF counts as one) and advances the line count.
        private mutating func skipLineEnd() {
            if current == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
        }

        private func problem(_ line: Int, _ column: Int, _ message: String) -> ImportProblem {
            ImportProblem(file: file, line: line, field: "column \(column)", message: message)
        }
    }
}
