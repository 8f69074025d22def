import Foundation
import Testing
import VigilCore

@Suite struct FilterParserTests {
    /// The message of the error a filter text fails with, nil when it parses.
    private func error(_ text: String) -> FilterError? {
        do {
            _ = try Filter.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theFullExampleParses() throws {
        let text = #"desk:"South Asia" risk:high+ status:!closed assignee:me act:death_threat since:2026-01-01 land grab"#
        let filter = try Filter.parse(text)
        #expect(filter.text == text)
        #expect(!filter.isEmpty)
        #expect(filter.searchesText)
    }

    @Test func emptyFilters() throws {
        #expect(try Filter.parse("").isEmpty)
        #expect(try Filter.parse("   \t ").isEmpty)
        #expect(Filter.all.isEmpty)
        #expect(!Filter.all.searchesText)
        #expect(try Filter.parse("  risk:high ").text == "risk:high")
        #expect(try !Filter.parse("risk:high status:open").searchesText)
        #expect(try Filter.parse(#""land grab""#).searchesText)
        #expect(try Filter.parse("text:grab").searchesText)
    }

    @Test(arguments: [
        "desk:south_asia", "desk:\"South Asia\"", "desk:\"south asia\"", "region:europe", "DESK:Europe",
        "country:IN", "country:in", "country:India", "country:\"Côte d'Ivoire\"", "country:\"cote d'ivoire\"",
        "risk:low", "risk:MED", "risk:high+", "risk:crit", "risk:none", "risk:unassessed", "level:medium,high",
        "status:new", "status:in_triage", "status:\"in triage\"", "status:open", "is:closed", "status:!closed",
        "assignee:me", "assignee:none", "assignee:nobody", "assigned:olga,me",
        "act:death_threat", "acts:\"Death threat\",killing", "perpetrator:police", "sector:land", "channel:hotline",
        "tlp:red", "tlp:TLP:RED", "verification:confirmed", "consent:none",
        "since:2026-01-01", "until:2026-05-28T12:00:00Z", "since:2026-05-28T12:00:00+02:00",
        "overdue:yes", "overdue:no", "overdue:true", "overdue:N",
        "id:R-2026-00042", "id:2026-42,r-2026-7", "text:\"land grab\"",
        "escalated_to:me", "escalated_to:sara", "recorded_by:olga", "external_id:PARTNER-17",
        "land", "\"land grab\"", "São",
    ])
    func validTermsParse(text: String) {
        #expect(error(text) == nil, "\(text)")
    }

    @Test func unknownKey() {
        let failure = error("risk:high colour:red")
        #expect(failure?.message == "colour: unknown filter key (known: desk, country, risk, status, assignee, act, perpetrator,"
            + " sector, channel, tlp, verification, consent, since, until, overdue, id, text, escalated_to, recorded_by,"
            + " external_id, mentions)")
        #expect(failure?.term == "colour:red")
        #expect(failure?.offset == 10)
        #expect(failure?.description == failure?.message)
    }

    @Test func badRiskLevel() {
        let failure = error("risk:hihg")
        #expect(failure?.message == "risk: 'hihg' is not a risk level (low, medium, high, critical, optionally with + for that"
            + " level and above, or none)")
        #expect(failure?.term == "risk:hihg")
        #expect(failure?.offset == 0)
        #expect(error("level:extreme+")?.message.hasPrefix("level: 'extreme+' is not a risk level") == true)
        #expect(error("risk:high,hihg")?.message.hasPrefix("risk: 'hihg' is not a risk level") == true)
    }

    @Test func unclosedQuote() {
        let failure = error(#"risk:high desk:"South Asia"#)
        #expect(failure?.message == #"desk:"South Asia: the quote is never closed"#)
        #expect(failure?.term == #"desk:"South Asia"#)
        #expect(failure?.offset == 10)
        #expect(error(#""land grab"#)?.message == #""land grab: the quote is never closed"#)
    }

    @Test func badDate() {
        #expect(error("since:yesterday")?.message == "since: 'yesterday' is not a date like 2026-01-01")
        #expect(error("until:2026-13-01")?.message == "until: '2026-13-01' is not a date like 2026-01-01")
        #expect(error("since:2026-01-01,2026-02-01")?.message
            == "since: '2026-01-01,2026-02-01' is not a date like 2026-01-01")
    }

    @Test func badOverdueValue() {
        #expect(error("overdue:maybe")?.message == "overdue: 'maybe' is not yes or no")
        #expect(error("overdue:yes,no")?.message == "overdue: 'yes,no' is not yes or no")
    }

    @Test func missingValue() {
        #expect(error("desk:")?.message == "desk: needs a value")
        #expect(error("status:!")?.message == "status: needs a value")
        #expect(error("act:,,")?.message == "act: needs a value")
    }

    @Test func unknownValues() {
        #expect(error("desk:atlantis")?.message.hasPrefix("desk: 'atlantis' is not a desk (east_africa, west_central_africa,") == true)
        #expect(error("country:Narnia")?.message == "country: 'Narnia' is not an ISO 3166-1 code")
        #expect(error("country:IN,XX")?.message == "country: 'XX' is not an ISO 3166-1 code")
        #expect(error("status:pending")?.message
            == "status: 'pending' is not a status (new, in_triage, assessed, escalated, responding, monitoring, closed, open)")
        #expect(error("act:haunting")?.message.hasPrefix("act: 'haunting' is not an act (threat, death_threat,") == true)
        #expect(error("perpetrator:aliens")?.message.hasPrefix("perpetrator: 'aliens' is not a perpetrator type (police,") == true)
        #expect(error("sector:farming")?.message.hasPrefix("sector: 'farming' is not a sector (") == true)
        #expect(error("channel:pigeon")?.message.hasPrefix("channel: 'pigeon' is not a channel (hotline,") == true)
        #expect(error("tlp:purple")?.message == "tlp: 'purple' is not a TLP label (clear, green, amber, red)")
        #expect(error("verification:rumour")?.message.hasPrefix("verification: 'rumour' is not a verification level (") == true)
        #expect(error("consent:maybe")?.message.hasPrefix("consent: 'maybe' is not a consent scope (") == true)
        #expect(error("id:foo")?.message == "id: 'foo' is not a report id like R-2026-00042")
    }

    @Test func errorsNameTheKeyAsTyped() {
        #expect(error("RISK:hihg")?.message.hasPrefix("RISK: 'hihg'") == true)
        #expect(error("Level:hihg")?.message.hasPrefix("Level: 'hihg'") == true)
    }

    @Test func theFirstFaultyTermIsReported() {
        let failure = error("risk:hihg desk:atlantis")
        #expect(failure?.term == "risk:hihg")
    }

    @Test func colonsAfterTheKeyBelongToTheValue() {
        #expect(error("until:2026-05-28T12:00:00Z") == nil)
        // A word that starts with a colon is free text.
        #expect(error(":grab") == nil)
    }
}
