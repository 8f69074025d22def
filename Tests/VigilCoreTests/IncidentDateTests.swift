import Foundation
import Testing
import VigilCore

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
