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
