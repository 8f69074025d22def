import Foundation
import Testing
import VigilCore
import VigilStore

/// What `--pseudonymise` lets leave: a keyed pseudonym, country, desk, acts and workflow codes; no typed text.
@Suite("Interchange: pseudonymised reports")
struct PseudonymiserTests {
    @Test("names become the keyed pseudonym; title, narrative, places, comments and reasons go; country and acts stay")
    func freeTextGoes() throws {
        var desk = try DeskFixture()
        let id = try desk.create([.title: "Threat to Ayesha Khan", .country: "NP", .acts: "death_threat;surveillance",
                                  .defenderRealName: "Ayesha Khan", .adminArea: "Lalitpur",
                                  .narrative: "Followed from her home", .placeDescription: "Ward 5"])
        try desk.run(.take(id: id))
        try desk.run(.comment(id: id, text: "Ayesha called back"))
        try desk.run(.assess(id: id, RiskInput(threat: 5, vulnerability: 4, capacity: 2)))
        try desk.run(.escalate(id: id, reason: "Ayesha's family named", to: nil))
        try desk.run(.decide(id: id, outcome: .approve, note: "relocate Ayesha"), by: "sam")
        let pseudonymiser = Pseudonymiser(key: try StoreSandbox().makeDesk(reports: 0).0.pseudonymKey())
        let report = pseudonymiser.pseudonymise(try #require(desk.state.report(id)))
        #expect(report.fields.defenderPseudonym == pseudonymiser.pseudonym(for: "ayesha khan"))
        #expect(report.fields.title == "death_threat, surveillance (NP)")
        #expect(report.fields.country == "NP" && report.desk == desk.state.report(id)?.desk)
        let record = ReportRecord(report: report, clocks: desk.state.clocks, now: desk.now)
        let text = record.values.map { "\($0)" }.joined(separator: "|") + "\(report.comments)\(String(describing: report.decision))"
        #expect(!text.contains("Ayesha"), "\(text)")
        #expect(!text.contains("Lalitpur") && !text.contains("Followed") && !text.contains("Ward 5"), "\(text)")
    }
}
