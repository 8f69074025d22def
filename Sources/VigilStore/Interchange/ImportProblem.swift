/// A problem found while reading an import file, pinned to its file and line so it can be fixed in a spreadsheet:
/// `partners.csv:7: country: 'XX' is not an ISO 3166-1 code`. `field` is the column or key concerned, nil when the
/// problem is with the row or file as a whole.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line in the file where the row (or the faulty text) starts.
    public let line: Int
    public let field: String?
    public let message: String

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "\(file):\(line): " + (field.map { "\($0): " } ?? "") + message }
}
