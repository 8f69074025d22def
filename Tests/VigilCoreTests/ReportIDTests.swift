import Foundation
import Testing
import VigilCore

@Suite struct ReportIDTests {
    @Test(arguments: [(2026, 1, "R-2026-00001"), (2026, 42, "R-2026-00042"), (2027, 99_999, "R-2027-99999"),
                      (2026, 123_456, "R-2026-123456")])
    func make(year: Int, number: Int, id: String) throws {
        #expect(ReportID.make(year: year, number: number) == id)
        let parsed = try #require(ReportID.parse(id))
        #expect(parsed.year == year && parsed.number == number)
    }

    @Test(arguments: ["", "R-2026", "X-2026-00001", "R-twenty-00001", "R-2026-abc", "R-2026-00001-2", "r-2026-00001"])
    func unparseable(id: String) {
        #expect(ReportID.parse(id) == nil)
    }

    @Test(arguments: [("R-2026-00042", "R-2026-00042"), ("r-2026-42", "R-2026-00042"), ("2026-42", "R-2026-00042"),
                      ("  R-2026-7 ", "R-2026-00007"), ("2027-00001", "R-2027-00001")])
    func normalise(text: String, id: String) {
        #expect(ReportID.normalise(text) == id)
    }

    @Test(arguments: ["42", "R-42", "report 7", "2026"])
    func notNormalisable(text: String) {
        #expect(ReportID.normalise(text) == nil)
    }
}
