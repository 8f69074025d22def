import Testing
import VigilCore
import VigilStore

@Suite("Interchange: import planner (CSV)")
struct InterchangeImportPlannerTests {
    private func plan(_ text: String, state: DeskState = DeskState()) -> ImportPlan {
        ImportPlanner.plan(text: text, file: "partners.csv", format: .csv, state: state)
    }

    private func problems(_ text: String) -> [String] { plan(text).problems.map(\.description) }

    @Test func aGoodFileGivesRowsReadyForCreate() {
        let result = plan("""
            Title , country,acts,received_at,recorded_by,external_id,narrative
            "Threat, by phone",ke,Death threat;threat,,someone else,P-1,"He said ""leave""
            or else"
            Raid on office,Uganda,raid,2026-03-01,,P-2,
            """)
        #expect(result.problems.isEmpty)
        #expect(result.skippedDuplicates.isEmpty)
        #expect(result.rows == [
            // recorded_by is ignored (the importer records the report); an empty received_at is left to the store.
            ImportRow(line: 2, values: [.title: "Threat, by phone", .country: "KE", .acts: "death_threat;threat",
                                        .externalID: "P-1", .narrative: "He said \"leave\"\nor else"], externalID: "P-1"),
            ImportRow(line: 4, values: [.title: "Raid on office", .country: "UG", .acts: "raid",
                                        .receivedAt: "2026-03-01T00:00:00Z", .externalID: "P-2"], externalID: "P-2"),
        ])
    }

    @Test func anUnknownColumnIsAnErrorForTheWholeFile() {
        #expect(problems("title,country,acts,foo\nA,KE,threat,x\nB,XX,threat,y\n")
            == ["partners.csv:1: header: unknown column 'foo'"])
    }

    @Test func aMissingRequiredColumnIsAnErrorForTheWholeFile() {
        #expect(problems("\u{FEFF}title,country\r\nA,KE\r\n") == ["partners.csv:1: header: missing column 'acts'"])
    }

    @Test func everyHeaderProblemIsReported() {
        #expect(problems("title,,Title,Contry\n") == [
            "partners.csv:1: header: column 2 has no name",
            "partners.csv:1: header: column 'Title' appears twice",
            "partners.csv:1: header: unknown column 'Contry'",
            "partners.csv:1: header: missing column 'country'",
            "partners.csv:1: header: missing column 'acts'",
        ])
    }

    @Test func anEmptyFileHasNoHeader() {
        #expect(problems("") == ["partners.csv:1: header: the file is empty; its first line must name the columns"])
    }

    @Test func aBadCodeNamesFileLineAndField() {
        let text = """
            title,country,acts,narrative
            A,KE,threat,"a narrative
            over three
            lines"
            B,UG,raid,

            C,XX,threat,
            """
        #expect(problems(text) == ["partners.csv:7: country: 'XX' is not an ISO 3166-1 code"])
    }

    @Test func problemsOfAllRowsAreReported() {
        let acts = Vocabularies.standard[.acts].codeList
        let tlp = Vocabularies.standard[.tlp].codeList
        let result = plan("""
            title,country,acts,tlp,incident_date
            A,KE,bribery,,
            ,KE,threat,purple,2026-13-45
            C,KE
            D,KE,threat,,
            """)
        #expect(result.problems.map(\.description) == [
            "partners.csv:2: acts: 'bribery' is not one of \(acts)",
            "partners.csv:3: incident_date: '2026-13-45' is not a date like 2026-03-14, 2026-03 or 2026",
            "partners.csv:3: tlp: 'purple' is not one of \(tlp)",
            "partners.csv:3: title: is required",
            "partners.csv:4: expected 5 fields, one per column, found 2",
        ])
        #expect(result.rows.map(\.line) == [5])
    }

    @Test func rowsOfEmptyCellsAreSkipped() {
        let result = plan("title,country,acts\nA,KE,threat\n,,\n , ,\n,\n")
        #expect(result.problems.isEmpty)
        #expect(result.rows.count == 1)
    }

    @Test func aMalformedFileGivesItsSyntaxProblem() {
        #expect(problems("title,country,acts\nA,KE,\"threat\n")
            == ["partners.csv:2: column 3: the quoted field opened on this line is never closed"])
    }

    @Test func aDuplicateExternalIDInTheFileIsAnErrorOnTheSecondOccurrence() {
        let result = plan("title,country,acts,external_id\nA,KE,threat,P-1\nB,KE,threat,P-2\nC,KE,threat, P-1 \n")
        #expect(result.problems.map(\.description) == ["partners.csv:4: external_id: 'P-1' is also on line 2"])
        #expect(result.rows.map(\.externalID) == ["P-1", "P-2"])
    }

    @Test func externalIDsAlreadyInTheStoreAreSkippedAndCounted() throws {
        var desk = try DeskFixture()
        let existing = try desk.create([.title: "Earlier", .country: "KE", .acts: "threat", .externalID: "P-1"])
        // The skipped row is not validated: a file that imported once re-imports cleanly.
        let result = plan("title,country,acts,external_id\nA,XX,threat,P-1\nB,KE,threat,P-2\nC,KE,threat,\n", state: desk.state)
        #expect(result.problems.isEmpty)
        #expect(result.skippedDuplicates == [SkippedDuplicate(line: 2, externalID: "P-1", existingID: existing)])
        #expect(result.rows.map(\.externalID) == ["P-2", nil])
    }

    @Test func readOnlyColumnsAreAcceptedAndIgnored() {
        let header = ReportRecord.columns.joined(separator: ",")
        var cells = Array(repeating: "", count: ReportRecord.columns.count)
        func set(_ column: String, _ value: String) { cells[ReportRecord.columns.firstIndex(of: column)!] = value }
        set("id", "R-2026-00009")
        set("title", "A")
        set("country", "KE")
        set("acts", "threat")
        set("status", "closed")
        set("risk_score", "not a number")
        set("links", "related:R-2026-00001")
        let result = plan(header + "\n" + cells.joined(separator: ",") + "\n")
        #expect(result.problems.isEmpty)
        #expect(result.rows.first?.values == [.title: "A", .country: "KE", .acts: "threat"])
    }

    @Test func theFormatFollowsTheFileName() {
        #expect(ImportFormat(fileName: "Partners.CSV") == .csv)
        #expect(ImportFormat(fileName: "a.jsonl") == .jsonl)
        #expect(ImportFormat(fileName: "a.ndjson") == .jsonl)
        #expect(ImportFormat(fileName: "a.xlsx") == nil)
    }
}
