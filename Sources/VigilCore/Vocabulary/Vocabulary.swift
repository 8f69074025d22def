/// A named, ordered list of terms (acts, sectors, channels, ...) loaded from a Resources/ file.
public struct Vocabulary: Codable, Sendable, Equatable {
    public let name: String
    public let terms: [Term]
    private let index: [String: Int]

    public init(name: String, terms: [Term]) {
        self.name = name
        self.terms = terms
        var index: [String: Int] = [:]
        for (offset, term) in terms.enumerated() { index[term.code] = offset }
        self.index = index
    }

    enum CodingKeys: String, CodingKey { case name, terms }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  terms: try container.decode([Term].self, forKey: .terms))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(terms, forKey: .terms)
    }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool {
        lhs.name == rhs.name && lhs.terms == rhs.terms
    }

    public var codes: [String] { terms.map(\.code) }

    public func contains(_ code: String) -> Bool { index[code] != nil }

    public func term(_ code: String) -> Term? { index[code].map { terms[$0] } }

    public func label(_ code: String) -> String { term(code)?.label ?? code }

    /// Position of a code in the vocabulary, for compact indexes and stable ordering.
    public func position(of code: String) -> Int? { index[code] }

    /// Finds a term by code or by label, ignoring case and accents.
    public func lookup(_ text: String) -> Term? {
        if let term = term(text) { return term }
        let wanted = TextFold.fold(text)
        return terms.first { TextFold.fold($0.code) == wanted || TextFold.fold($0.label) == wanted }
    }

    /// "a, b, c" for error messages.
    public var codeList: String { codes.joined(separator: ", ") }
}
