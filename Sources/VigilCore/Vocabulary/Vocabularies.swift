/// Every vocabulary, the country list and the default clock table, as shipped in Resources/.
public struct Vocabularies: Sendable {
    public let lists: [VocabularyName: Vocabulary]
    public let countries: [Country]
    public let defaultClocks: ClockTable
    private let countryIndex: [String: Int]

    public init(lists: [VocabularyName: Vocabulary], countries: [Country], defaultClocks: ClockTable) {
        self.lists = lists
        self.countries = countries
        self.defaultClocks = defaultClocks
        var index: [String: Int] = [:]
        for (offset, country) in countries.enumerated() { index[country.code] = offset }
        self.countryIndex = index
    }

    public subscript(name: VocabularyName) -> Vocabulary {
        lists[name] ?? Vocabulary(name: name.rawValue, terms: [])
    }

    public var desks: Vocabulary { self[.desks] }

    public func country(_ code: String) -> Country? { countryIndex[code.uppercased()].map { countries[$0] } }

    /// Finds a country by code or by name, ignoring case and accents.
    public func lookupCountry(_ text: String) -> Country? {
        if let country = country(text) { return country }
        let wanted = TextFold.fold(text)
        return countries.first { TextFold.fold($0.name) == wanted }
    }

    /// The default desk map: country code -> desk code.
    public var defaultDeskMap: [String: String] {
        Dictionary(uniqueKeysWithValues: countries.map { ($0.code, $0.defaultDesk) })
    }

    /// Parses the Resources/ files (file name -> contents), naming the file and line of any fault.
    public static func parse(files: [String: String]) throws -> Vocabularies {
        var lists: [VocabularyName: Vocabulary] = [:]
        for name in VocabularyName.allCases {
            guard let text = files[name.fileName] else { throw TSV.ParseError(file: name.fileName, line: 0, problem: "missing") }
            let terms = try TSV.rows(text, file: name.fileName, minimumFields: 2).map { Term(code: $0.fields[0], label: $0.fields[1]) }
            lists[name] = Vocabulary(name: name.rawValue, terms: terms)
        }
        guard let countryText = files["countries.tsv"] else {
            throw TSV.ParseError(file: "countries.tsv", line: 0, problem: "missing")
        }
        let desks = lists[.desks]!
        var countries: [Country] = []
        for row in try TSV.rows(countryText, file: "countries.tsv", minimumFields: 3) {
            guard desks.contains(row.fields[2]) else {
                throw TSV.ParseError(file: "countries.tsv", line: row.line, problem: "unknown desk '\(row.fields[2])'")
            }
            countries.append(Country(code: row.fields[0], name: row.fields[1], defaultDesk: row.fields[2]))
        }
        guard let clockText = files["clocks.tsv"] else { throw TSV.ParseError(file: "clocks.tsv", line: 0, problem: "missing") }
        let clocks = try ClockTable.parse(clockText, file: "clocks.tsv")
        return Vocabularies(lists: lists, countries: countries, defaultClocks: clocks)
    }

    /// The vocabularies compiled into the binary from Resources/.
    public static let standard: Vocabularies = {
        do {
            return try parse(files: EmbeddedResources.files)
        } catch {
            // The files are compiled in and covered by tests, so this is a build defect, not user input.
            fatalError("embedded Resources/ are invalid: \(error)")
        }
    }()
}
