import Foundation
import Testing

@Suite("CLI: the workflow through the built binary")
struct CLIWorkflowTests {
    @Test("init, user add, add, take, assess, escalate, decide approve; show/list/user list --json")
    func happyPath() throws {
        let cli = try CLISandbox()
        let created = try cli.ok(["init", "--store", cli.store, "--insecure-plain"])
        #expect(created.hasPrefix("created \(cli.store) with admin admin\n"))
        #expect(try cli.ok(["user", "add", "ana", "--role", "officer", "--desks", "south_asia,east_asia"]) == "added ana as officer\n")
        #expect(try cli.ok(["user", "add", "sam", "--role", "supervisor", "--store", cli.store]) == "added sam as supervisor\n")

        let id = try cli.add("Death threat against a land defender")
        #expect(id.hasPrefix("R-") && id.hasSuffix("-00001"))
        #expect(try cli.ok(["take", id], user: "ana") == "\(id): in_triage, assigned to ana\n")
        #expect(try cli.ok(["assess", id, "--threat", "5", "--vulnerability", "4", "--capacity", "2"], user: "ana")
                == "\(id): assessed, assigned to ana, risk critical (10)\n")
        #expect(try cli.ok(["escalate", id, "--reason", "needs relocation"], user: "ana")
                == "\(id): escalated, assigned to ana, risk critical (10)\n")
        #expect(try cli.ok(["decide", id, "approve", "--note", "relocate for a month"], user: "sam")
                == "\(id): responding, assigned to ana, risk critical (10)\n")
        try cli.ok(["comment", id, "called back — все в порядке"], user: "ana")

        let report = try #require(try cli.json(["show", id, "--json"], user: "ana") as? [String: Any])
        #expect(report["id"] as? String == id)
        #expect(report["title"] as? String == "Death threat against a land defender")
        #expect(report["status"] as? String == "responding")
        #expect(report["risk_level"] as? String == "critical")
        #expect(report["risk_score"] as? Double == 10)
        #expect(report["desk"] as? String == "south_asia")
        #expect(report["country"] as? String == "NP")
        #expect(report["assignee"] as? String == "ana")
        #expect(report["acts"] as? [String] == ["death_threat"])
        #expect(report["decision"] as? String == "approve")
        #expect(report["escalation_reason"] as? String == "needs relocation")
        let comments = try #require(report["comments"] as? [[String: Any]])
        #expect(comments.map { $0["text"] as? String } == ["called back — все в порядке"])
        let history = try #require(report["history"] as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String }
                == ["report.created", "report.taken", "report.assessed", "report.escalated", "report.decided", "report.commented"])
        #expect(history.map { $0["actor"] as? String } == ["ana", "ana", "ana", "ana", "sam", "ana"])
        #expect(history.map { $0["seq"] as? Int } == [4, 5, 6, 7, 8, 9])
        let breakdown = try #require(report["risk_breakdown"] as? [[String: Any]])
        #expect(breakdown.contains { $0["label"] as? String == "score T x V / C" && $0["value"] as? String == "10" })

        let list = try #require(try cli.json(["list", "--json"], user: "ana") as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == [id])
        #expect(list.first?["status"] as? String == "responding")
        let none = try #require(try cli.json(["list", "--json", "status:closed"], user: "ana") as? [Any])
        #expect(none.isEmpty)
        let filtered = try #require(try cli.json(["list", "--json", "desk:South Asia", "risk:high+"], user: "ana") as? [[String: Any]])
        #expect(filtered.count == 1)

        let users = try #require(try cli.json(["user", "list", "--json"]) as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == ["admin", "ana", "sam"])
        #expect(users.map { $0["role"] as? String } == ["admin", "officer", "supervisor"])
        #expect(users.map { $0["desks"] as? [String] } == [[], ["south_asia", "east_asia"], []])
        #expect(users.allSatisfy { Set($0.keys) == ["name", "role", "desks", "key"] })
        // Each user's own signing key: a fingerprint of four groups of four hex digits, none alike.
        let fingerprints = users.compactMap { $0["key"] as? String }
        #expect(fingerprints.allSatisfy { $0.range(of: "^[0-9a-f]{4}(:[0-9a-f]{4}){3}$", options: .regularExpression) != nil }, "\(fingerprints)")
        #expect(Set(fingerprints).count == 3)

        let stats = try #require(try cli.json(["stats", "--json"], user: "ana") as? [String: Any])
        #expect(stats["total"] as? Int == 1)
        let verify = try #require(try cli.json(["verify", "--json"]) as? [String: Any])
        #expect(verify["ok"] as? Bool == true)
        #expect(verify["events"] as? Int == 9)
        #expect(verify["reports"] as? Int == 1)
    }

    @Test("without --store or $VIGIL_STORE the store is $XDG_DATA_HOME/vigil/desk.vigil, private")
    func defaultStorePath() throws {
        let cli = try CLISandbox()
        let expected = cli.folder + "/xdg/vigil/desk.vigil"
        let noStore = ["VIGIL_STORE": ""]
        #expect(try cli.ok(["init", "--insecure-plain"], extra: noStore).hasPrefix("created \(expected) with admin admin"))
        let attributes = try FileManager.default.attributesOfItem(atPath: expected)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: cli.folder + "/xdg/vigil")
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(try cli.ok(["user", "list"], extra: noStore).hasPrefix("admin\tadmin\tall desks\tkey "))
        #expect(!FileManager.default.fileExists(atPath: cli.store))
    }

    @Test("a narrative read from standard input, and fields set with --set")
    func narrativeFromStandardInput() throws {
        let cli = try CLISandbox()
        try cli.makeDesk()
        let narrative = "Two men followed her home.\nThey photographed the office — 她很害怕."
        let id = try cli.ok(["add", "--title", "Followed home", "--country", "NP", "--acts", "surveillance",
                             "--narrative", "-", "--set", "external_id=P-77"], user: "ana", stdin: narrative)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let report = try #require(try cli.json(["show", id, "--json"], user: "ana") as? [String: Any])
        #expect(report["narrative"] as? String == narrative)
        #expect(report["external_id"] as? String == "P-77")
    }
}
