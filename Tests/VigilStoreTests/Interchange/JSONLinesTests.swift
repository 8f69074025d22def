import Testing
import VigilCore
import VigilStore

@Suite("Interchange: JSON Lines")
struct InterchangeJSONLinesTests {
    private func problems(_ text: String) -> [String] {
        JSONLines.read(text, file: "f.jsonl").problems.map(\.description)
    }

    private func plan(_ text: String) -> ImportPlan {
        ImportPlanner.plan(text: text, file: "f.jsonl", format: .jsonl, state: DeskState())
    }

    @Test func readsOneObjectPerLineSkippingBlankOnes() {
        let read = JSONLines.read("\u{FEFF}{\"a\": \"x\"}\r\n\n   \n{\"b\": [1, true, null, {\"c\": -0.5e3}]}", file: "f.jsonl")
        #expect(read.problems.isEmpty)
        #expect(read.objects == [
            JSONLines.Object(line: 1, members: [JSONValue.Member(key: "a", value: .string("x"))]),
            JSONLines.Object(line: 4, members: [JSONValue.Member(key: "b", value: .array([
                .number("1"), .bool(true), .null, .object([JSONValue.Member(key: "c", value: .number("-0.5e3"))]),
            ]))]),
        ])
    }

    @Test func decodesEscapesAndKeepsRawLineSeparators() {
        let read = JSONLines.read(#"{"t": "q\" b\\ s\/ \n \u00e9 \ud83d\ude00"}"# + "\n{\"u\": \"a\u{2028}b\"}", file: "f.jsonl")
        #expect(read.problems.isEmpty)
        #expect(read.objects.map(\.members.first?.value) == [.string("q\" b\\ s/ \n é 😀"), .string("a\u{2028}b")])
        #expect(read.objects.map(\.line) == [1, 2])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let text = """
            {"title": "ok"}
            {"title": "x",}
            [1, 2]
            {"title":"a","title":"b"}
            {"title": "x"
            {"n": 01}
            {"s": "\\q"}
            {"s": "\\ud800"}
            {"title": "x"} trailing
            """
        #expect(problems(text) == [
            "f.jsonl:2: invalid JSON at column 15: expected a key in double quotes",
            "f.jsonl:3: each line must be one JSON object",
            "f.jsonl:4: invalid JSON at column 14: key 'title' appears twice",
            "f.jsonl:5: invalid JSON at column 14: expected ',' or '}'",
            "f.jsonl:6: invalid JSON at column 8: a number cannot start with 0",
            "f.jsonl:7: invalid JSON at column 8: invalid escape '\\q'",
            "f.jsonl:8: invalid JSON at column 8: a \\u escape of a lone surrogate is not a character",
            "f.jsonl:9: invalid JSON at column 16: unexpected text after the value",
        ])
    }

    @Test func hostileNestingIsRefused() {
        let deep = "{\"a\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(problems(deep) == ["f.jsonl:1: invalid JSON at column 37: nested more than 32 levels deep"])
    }

    @Test func listsMayBeArraysOrSemicolonText() {
        let result = plan("""
            {"title": "A", "country": "KE", "acts": ["threat", "Surveillance"], "sectors": "land; environment"}
            """)
        #expect(result.problems.isEmpty)
        #expect(result.rows.first?.values == [.title: "A", .country: "KE", .acts: "threat;surveillance", .sectors: "land;environment"])
    }

    @Test func numbersAreTakenWhereTextMayBeDigits() {
        let result = plan("""
            {"title": 1984, "external_id": 12345678901234567890, "country": "KE", "acts": "threat", "incident_date": 2026, "narrative": null}
            """)
        #expect(result.problems.isEmpty)
        #expect(result.rows.first?.values == [
            .title: "1984", .externalID: "12345678901234567890", .country: "KE", .acts: "threat", .incidentDate: "2026",
        ])
    }

    @Test func valuesThatAreNotTextForTheirFieldAreErrorsNamingTheField() {
        let result = plan("""
            {"title": true, "country": 12, "acts": ["threat", 3], "narrative": ["a"], "foo": 1, "tlp": {"x": 1}}
            {"title": "fine", "country": "KE", "acts": "threat", "risk_score": 7.5, "links": ["related:R-2026-00001"], "id": 3}
            """)
        #expect(result.problems.map(\.description) == [
            "f.jsonl:1: title: expected text, found true",
            "f.jsonl:1: country: expected text, found the number 12",
            "f.jsonl:1: acts: list items must be text, found the number 3",
            "f.jsonl:1: narrative: expected text, found a list (only sectors, acts and perpetrators take lists)",
            "f.jsonl:1: foo: unknown field",
            "f.jsonl:1: tlp: expected text, found an object",
        ])
        // Read-only columns of any type are accepted and ignored.
        #expect(result.rows.map(\.line) == [2])
        #expect(result.rows.first?.values == [.title: "fine", .country: "KE", .acts: "threat"])
    }

    @Test func syntaxAndFieldProblemsOfAllLinesAreReportedInLineOrder() {
        let result = plan("""
            {"title": "A", "country": "XX", "acts": "threat"}
            {"title":
            {"country": "KE", "acts": "threat"}
            """)
        #expect(result.problems.map(\.description) == [
            "f.jsonl:1: country: 'XX' is not an ISO 3166-1 code",
            "f.jsonl:2: invalid JSON at column 10: unexpected end of line; expected a value",
            "f.jsonl:3: title: is required",
        ])
        #expect(result.rows.isEmpty)
    }
}
