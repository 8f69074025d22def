import Foundation
import Testing

@Suite("CLI: pseudonymised export")
struct CLIPseudonymisedExportTests {
    @Test("names become stable keyed pseudonyms; contacts, places and narratives go; red and internal-only stay unless forced")
    func pseudonymised() throws {
        let cli = try CLISandbox()
        try cli.ok(["init", "--store", cli.store, "--insecure-plain"])
        try cli.ok(["user", "add", "ana", "--role", "officer"])
        try cli.ok(["user", "add", "sam", "--role", "supervisor"])
        let shared = try cli.ok(["add", "--title", "Threat to a land defender", "--country", "KE", "--acts", "threat",
                                 "--narrative", "Kamau was followed home", "--set", "defender_real_name=Wanjiru Kamau",
                                 "--set", "defender_contact=+254 700 000000", "--set", "place_description=near the market",
                                 "--set", "consent_scope=named_partners", "--set", "tlp=amber"], user: "ana")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let again = try cli.ok(["add", "--title", "Second threat", "--country", "KE", "--acts", "threat",
                                "--set", "defender_real_name=wanjiru  KAMAU", "--set", "consent_scope=named_partners"], user: "ana")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let red = try cli.ok(["add", "--title", "Red case", "--country", "KE", "--acts", "threat", "--set", "tlp=red"], user: "ana")
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let first = try cli.ok(["export", "--pseudonymise", "--format", "jsonl"], user: "ana")
        #expect(!first.contains("Wanjiru") && !first.contains("+254") && !first.contains("market") && !first.contains("followed"))
        #expect(!first.contains(red), "a red report left without being forced")
        let lines = first.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let byID = Dictionary(uniqueKeysWithValues: lines.compactMap { row in (row["id"] as? String).map { ($0, row) } })
        let pseudonym = try #require(byID[shared]?["defender_pseudonym"] as? String)
        #expect(pseudonym.hasPrefix("P-") && pseudonym.count == 12)
        #expect(byID[again]?["defender_pseudonym"] as? String == pseudonym, "the same person, the same pseudonym")
        #expect(byID[shared]?["country"] as? String == "KE" && byID[shared]?["desk"] as? String == "east_africa")
        // Stable across exports.
        #expect(try cli.ok(["export", "--pseudonymise", "--format", "jsonl"], user: "ana").contains(pseudonym))

        // Forcing needs a supervisor and a reason, and is recorded.
        #expect(try cli.run(["export", "--pseudonymise", "--force", "court order"], user: "ana").status == 1)
        let forced = try cli.ok(["export", "--pseudonymise", "--force", "court order 17/2026"], user: "sam")
        #expect(forced.contains(red))
        let verified = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verified["ok"] as? Bool == true)
    }
}
