import Testing
import VigilStore

@Suite("Interchange: CSV reader")
struct InterchangeCSVReaderTests {
    private func read(_ text: String) throws -> [CSVReader.Record] { try CSVReader.records(text, file: "f.csv") }

    private func problem(_ text: String) -> String? {
        do {
            _ = try CSVReader.records(text, file: "f.csv")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func plainRecordsCarryTheirLines() throws {
        #expect(try read("a,b,c\n1,2,3\n") == [
            CSVReader.Record(line: 1, fields: ["a", "b", "c"]),
            CSVReader.Record(line: 2, fields: ["1", "2", "3"]),
        ])
    }

    @Test func quotedFieldsHoldCommasAndDoubledQuotes() throws {
        let records = try read("title\n\"Threat, by phone\",\"He said \"\"leave\"\"\",\"\"\n")
        #expect(records[1].fields == ["Threat, by phone", "He said \"leave\"", ""])
    }

    @Test func newlinesInsideQuotesAdvanceTheLineOfLaterRecords() throws {
        let text = "title,narrative\nA,\"line one\nline two\r\nline three\"\nB,plain\n\"C\",\"\n\"\nD,x"
        let records = try read(text)
        #expect(records.map(\.line) == [1, 2, 5, 6, 8])
        // Line ends inside a field read as LF whichever the file used.
        #expect(records[1].fields[1] == "line one\nline two\nline three")
        #expect(records[3].fields == ["C", "\n"])
        #expect(records[4].fields == ["D", "x"])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let records = try read("\u{FEFF}title,country\nA,KE\n")
        #expect(records[0].fields == ["title", "country"])
    }

    @Test func crlfAndLoneCREndLines() throws {
        let records = try read("a,b\r\n1,2\r\n3,4\r5,6")
        #expect(records == [
            CSVReader.Record(line: 1, fields: ["a", "b"]),
            CSVReader.Record(line: 2, fields: ["1", "2"]),
            CSVReader.Record(line: 3, fields: ["3", "4"]),
            CSVReader.Record(line: 4, fields: ["5", "6"]),
        ])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let records = try read("\na,b\n\n\r\n1,2\n\n")
        #expect(records == [
            CSVReader.Record(line: 2, fields: ["a", "b"]),
            CSVReader.Record(line: 5, fields: ["1", "2"]),
        ])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try read("a,,\n,\n")[0].fields == ["a", "", ""])
        #expect(try read("a,,\n,\n")[1].fields == ["", ""])
        #expect(try read("x,\"\"")[0].fields == ["x", ""])
    }

    @Test func spacesAndNonASCIITextAreKeptAsWritten() throws {
        #expect(try read(" a , ñandú 🇧🇷 ,e\u{301}\n")[0].fields == [" a ", " ñandú 🇧🇷 ", "e\u{301}"])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsAnError() {
        #expect(problem("title,acts\nA,say \"hi\"\n")
            == "f.csv:2: column 2: a quote inside an unquoted field (quote the whole field and write the quote twice)")
    }

    @Test func anUnterminatedQuoteNamesTheLineItOpensOn() {
        #expect(problem("title,narrative\nA,\"two\nlines\"\nB,\"never\nclosed\n")
            == "f.csv:4: column 2: the quoted field opened on this line is never closed")
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(problem("a\n\"multi\nline\" tail,b\n")
            == "f.csv:3: column 1: text after the closing quote (write a quote inside a quoted field twice)")
    }
}
