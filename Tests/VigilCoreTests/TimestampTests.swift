import Foundation
import Testing
import VigilCore

@Suite struct TimestampTests {
    @Test func formatIsUTCWithoutFractions() {
        #expect(Timestamp.format(fixedNow) == "2026-05-28T20:26:40Z")
        #expect(Timestamp.format(fixedNow.addingTimeInterval(0.75)) == "2026-05-28T20:26:40Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test(arguments: [
        ("2026-05-28T20:26:40Z", 0.0),
        ("  2026-05-28T20:26:40Z \n", 0.0),
        ("2026-05-28T20:26:40.500Z", 0.5),
        ("2026-05-28T22:26:40+02:00", 0.0),
        ("2026-05-28T15:26:40-05:00", 0.0),
        ("2026-05-28", -73_600.0),
    ] as [(String, TimeInterval)])
    func parse(text: String, offset: TimeInterval) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince(fixedNow) - offset) < 0.001)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "28/05/2026", "2026-05-32"])
    func unparseable(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func roundTrip() throws {
        for offset in stride(from: -400 * day, through: 400 * day, by: 37 * day + 3_671) {
            let date = fixedNow.addingTimeInterval(offset)
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
        }
    }

    @Test func shortForms() {
        #expect(Timestamp.day(fixedNow) == "2026-05-28")
        #expect(Timestamp.minute(fixedNow) == "2026-05-28 20:26")
    }
}

@Suite struct IncidentDateTests {
    @Test(arguments: [("2026-03-14", "exact"), ("2026-03", "month"), ("2026", "year"), ("2024-02-29", "exact"),
                      ("2026-12-31", "exact"), ("0999", "year")])
    func precision(text: String, precision: String) {
        #expect(IncidentDate.precision(of: text) == precision)
    }

    @Test(arguments: ["", "26", "20265", "2026-3", "2026-3-14", "2026-00", "2026-13", "2026-02-29", "2026-04-31",
                      "2026-03-14-01", "2026-03-", "-2026", "abcd", "２０２６", "2026/03/14", " 2026"])
    func malformed(text: String) {
        #expect(IncidentDate.precision(of: text) == nil)
        #expect(IncidentDate.latestInstant(text) == nil)
    }

    @Test(arguments: [("2026-03-14", "2026-03-14T23:59:59Z"), ("2026-03", "2026-03-31T23:59:59Z"),
                      ("2024-02", "2024-02-29T23:59:59Z"), ("2026-02", "2026-02-28T23:59:59Z"),
                      ("2026", "2026-12-31T23:59:59Z"), ("2026-12", "2026-12-31T23:59:59Z")])
    func latestInstant(text: String, latest: String) {
        #expect(IncidentDate.latestInstant(text) == Timestamp.parse(latest))
    }
}

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
