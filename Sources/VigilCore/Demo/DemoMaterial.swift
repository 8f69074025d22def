/// The fictional people, titles and narratives of Resources/demo_*.tsv.
public struct DemoMaterial: Sendable {
    /// A fictional defender.
    public struct Person: Sendable {
        public let pseudonym: String
        public let realName: String
        public let country: String
        public let script: String
    }

    public let people: [Person]
    /// act code -> titles
    public let titles: [String: [String]]
    /// script -> narratives
    public let narratives: [String: [String]]

    public static func parse(files: [String: String]) throws -> DemoMaterial {
        let people = try TSV.rows(files["demo_people.tsv"] ?? "", file: "demo_people.tsv", minimumFields: 4).map {
            Person(pseudonym: $0.fields[0], realName: $0.fields[1], country: $0.fields[2], script: $0.fields[3])
        }
        var titles: [String: [String]] = [:]
        for row in try TSV.rows(files["demo_titles.tsv"] ?? "", file: "demo_titles.tsv", minimumFields: 2) {
            titles[row.fields[0], default: []].append(row.fields[1])
        }
        var narratives: [String: [String]] = [:]
        for row in try TSV.rows(files["demo_narratives.tsv"] ?? "", file: "demo_narratives.tsv", minimumFields: 2) {
            narratives[row.fields[0], default: []].append(row.fields[1])
        }
        return DemoMaterial(people: people, titles: titles, narratives: narratives)
    }

    public static let standard: DemoMaterial = {
        do {
            return try parse(files: EmbeddedResources.files)
        } catch {
            fatalError("embedded demo material is invalid: \(error)")
        }
    }()
}
