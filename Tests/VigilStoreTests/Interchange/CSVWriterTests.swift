import Testing
import VigilStore

@Suite("Interchange: CSV writer")
struct InterchangeCSVWriterTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.field("plain text") == "plain text")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field("cr\rhere") == "\"cr\rhere\"")
    }

    @Test func recordsEndInCRLF() {
        #expect(CSVWriter.document(header: ["a", "b"], rows: [["1", "x,y"], ["", ""]])
            == "a,b\r\n1,\"x,y\"\r\n,\r\n")
    }

    @Test func theReaderReadsBackWhatTheWriterWrote() throws {
        let rows = [
            ["id", "narrative", "title"],
            ["R-2026-00001", "He said \"leave, now\"\nor else", " spaced "],
            ["", "\"", ","],
            ["ñ", "🇰🇪", "\"\""],
        ]
        let text = CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
        let records = try CSVReader.records(text, file: "f.csv")
        #expect(records.map(\.fields) == rows)
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }
}
