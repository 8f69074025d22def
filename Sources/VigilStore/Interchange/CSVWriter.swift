import Foundation

/// Writes CSV as RFC 4180 describes it: CRLF after every record, and a field quoted (its quotes doubled) exactly
/// when it holds a comma, a quote, CR or LF, so spreadsheets and `CSVReader` read back the same text.
public enum CSVWriter {
    /// One field, quoted if it needs to be.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record with its CRLF ending.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole file: the header record, then one record per row.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out += record(row) }
        return out
    }
}
