import Foundation
import Testing
import VigilCore

@Suite struct VocabulariesTests {
    private let standard = Vocabularies.standard

    /// The lists DOMAIN.md spells out, in its order.
    static let domainLists: [(VocabularyName, String)] = [
        (.channels, "hotline secure_form email messenger partner_referral field_visit media_monitoring"),
        (.sourceRelations, "self relative colleague same_organisation lawyer ngo journalist unknown"),
        (.consentScopes, "internal_only named_partners publish_anonymised publish_named none"),
        (.units, "individual group organisation community"),
        (.sectors, "land environment indigenous_peoples womens_rights lgbtiq journalism labour anti_corruption"
            + " minority_rights migrants legal other"),
        (.acts, "threat death_threat surveillance stalking sexual_harassment stigmatisation raid physical_assault"
            + " attempted_killing killing arrest detention disappearance abduction judicial_harassment office_closure"
            + " online_attack travel_ban other"),
        (.perpetrators, "police armed_forces intelligence local_officials judiciary paramilitary vigilantes armed_group"
            + " private_security corporation landowner mob family unknown"),
        (.involvement, "confirmed suspected"),
        (.tlp, "clear green amber red"),
        (.verification, "unverified possible likely confirmed not_a_violation"),
        (.closingReasons, "resolved out_of_scope duplicate no_further_action"),
        (.patterns, "first repeated escalating"),
        (.datePrecisions, "exact month year unknown"),
        (.desks, "east_africa west_central_africa southern_africa mena south_asia south_east_asia_pacific east_asia"
            + " central_asia europe latin_america_caribbean north_america"),
    ]

    @Test(arguments: domainLists)
    func shippedListsMatchTheDomain(name: VocabularyName, codes: String) {
        #expect(standard[name].codes == codes.split(separator: " ").map(String.init))
        #expect(standard[name].name == name.rawValue)
    }

    @Test func reliabilityIsTheHuridocsScale() {
        let codes = standard[.reliability].codes
        #expect(codes.first == "highly_reliable")
        #expect(codes.contains("highly_unreliable"))
        #expect(codes.last == "unknown")
    }

    @Test func everyVocabularyIsLoadedWithUniqueCodesAndLabels() {
        for name in VocabularyName.allCases {
            let vocabulary = standard[name]
            #expect(!vocabulary.terms.isEmpty, "\(name)")
            #expect(Set(vocabulary.codes).count == vocabulary.codes.count, "\(name) repeats a code")
            #expect(vocabulary.terms.allSatisfy { !$0.label.isEmpty }, "\(name) has an empty label")
            #expect(vocabulary.codes.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") }, "\(name) has a code that is not snake_case")
        }
    }

    @Test func deskLabels() {
        #expect(standard.desks.label("south_asia") == "South Asia")
        #expect(standard.desks.label("west_central_africa") == "West & Central Africa")
        #expect(standard.desks.label("mena") == "Middle East & North Africa")
        #expect(standard.desks.label("nowhere") == "nowhere")
    }

    @Test func countriesAreTheIsoListWithValidDesks() {
        let codes = standard.countries.map(\.code)
        #expect(codes.count >= 240)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 2 && $0 == $0.uppercased() })
        #expect(standard.countries.allSatisfy { standard.desks.contains($0.defaultDesk) })
        // Every desk covers at least one country.
        #expect(Set(standard.countries.map(\.defaultDesk)) == Set(standard.desks.codes))
        #expect(standard.defaultDeskMap.count == codes.count)
    }

    @Test(arguments: [("IN", "south_asia"), ("BR", "latin_america_caribbean"), ("FR", "europe"), ("US", "north_america"),
                      ("CI", "west_central_africa"), ("NP", "south_asia")])
    func defaultDesks(code: String, desk: String) {
        #expect(standard.country(code)?.defaultDesk == desk)
        #expect(standard.defaultDeskMap[code] == desk)
    }

    @Test func countryLookup() {
        #expect(standard.country("in")?.name == "India")
        #expect(standard.country("XX") == nil)
        #expect(standard.lookupCountry("India")?.code == "IN")
        #expect(standard.lookupCountry("INDIA")?.code == "IN")
        #expect(standard.lookupCountry("côte d'ivoire")?.code == "CI")
        #expect(standard.lookupCountry("Cote d'Ivoire")?.code == "CI")
        #expect(standard.lookupCountry("São Tomé and Príncipe")?.code == "ST")
        #expect(standard.lookupCountry("Narnia") == nil)
    }

    @Test func termLookup() throws {
        let acts = standard[.acts]
        #expect(acts.lookup("death_threat")?.code == "death_threat")
        #expect(acts.lookup("Death threat")?.code == "death_threat")
        #expect(acts.lookup("DEATH THREAT")?.code == "death_threat")
        #expect(acts.lookup("DEATH_THREAT")?.code == "death_threat")
        #expect(acts.lookup("haunting") == nil)
        #expect(acts.contains("killing"))
        #expect(!acts.contains("Killing"))
        #expect(acts.position(of: "threat") == 0)
        #expect(acts.position(of: "nope") == nil)
        #expect(acts.term("raid") == Term(code: "raid", label: "Raid"))
        #expect(acts.label("raid") == "Raid")
        #expect(acts.label("unknown_code") == "unknown_code")
        #expect(standard[.tlp].codeList == "clear, green, amber, red")
    }

    @Test func vocabularyCodingKeepsTheIndex() throws {
        let data = try JSONEncoder().encode(standard[.acts])
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: data)
        #expect(decoded == standard[.acts])
        #expect(decoded.position(of: "killing") == standard[.acts].position(of: "killing"))
        #expect(decoded.lookup("Killing")?.code == "killing")
    }

    @Test func aMissingListIsEmpty() {
        let vocabularies = Vocabularies(lists: [:], countries: [], defaultClocks: ClockTable(limits: [:]))
        #expect(vocabularies[.acts].terms.isEmpty)
        #expect(vocabularies.lookupCountry("India") == nil)
    }

    // MARK: parsing

    private func files() -> [String: String] {
        var files: [String: String] = [:]
        for name in VocabularyName.allCases {
            files[name.fileName] = "# \(name)\n" + standard[name].terms.map { "\($0.code)\t\($0.label)" }.joined(separator: "\n")
        }
        files["countries.tsv"] = "IN\tIndia\tsouth_asia\nFR\tFrance\teurope\n"
        files["clocks.tsv"] = "critical\t1h\t24h\t7d\nhigh\t4h\t72h\t30d\nmedium\t24h\t7d\t90d\nlow\t72h\t14d\t365d\n"
        return files
    }

    private func parseError(_ files: [String: String]) -> String? {
        do {
            _ = try Vocabularies.parse(files: files)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func parseBuildsEveryList() throws {
        let parsed = try Vocabularies.parse(files: files())
        #expect(parsed[.acts] == standard[.acts])
        #expect(parsed.countries == [Country(code: "IN", name: "India", defaultDesk: "south_asia"),
                                     Country(code: "FR", name: "France", defaultDesk: "europe")])
        #expect(parsed.defaultClocks == standard.defaultClocks)
    }

    @Test func parseErrorsNameTheFileAndLine() {
        var files = files()
        files["acts.tsv"] = nil
        #expect(parseError(files) == "acts.tsv:0: missing")

        files = self.files()
        files["countries.tsv"] = "IN\tIndia\tsouth_asia\nFR\tFrance\tatlantis\n"
        #expect(parseError(files) == "countries.tsv:2: unknown desk 'atlantis'")

        files = self.files()
        files["countries.tsv"] = "# code\tname\tdesk\n\nIN\tIndia\n"
        #expect(parseError(files) == "countries.tsv:3: expected 3 tab-separated fields, found 2")

        files = self.files()
        files["tlp.tsv"] = "clear\tTLP:CLEAR\ngreen\n"
        #expect(parseError(files) == "tlp.tsv:2: expected 2 tab-separated fields, found 1")

        files = self.files()
        files["clocks.tsv"] = nil
        #expect(parseError(files) == "clocks.tsv:0: missing")

        files = self.files()
        files["countries.tsv"] = nil
        #expect(parseError(files) == "countries.tsv:0: missing")
    }

    @Test func tsvRows() throws {
        let rows = try TSV.rows("# comment\n\n a \t b \r\n  \nc\td\te\n", file: "x.tsv", minimumFields: 2)
        #expect(rows.map(\.line) == [3, 5])
        #expect(rows.map(\.fields) == [["a", "b"], ["c", "d", "e"]])
    }

    @Test func embeddedResourcesIncludeEveryVocabularyFile() {
        for name in VocabularyName.allCases {
            #expect(EmbeddedResources.files[name.fileName] != nil, "\(name.fileName)")
        }
        #expect(EmbeddedResources.files["countries.tsv"] != nil)
        #expect(EmbeddedResources.files["clocks.tsv"] != nil)
    }
}
