import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tracker's canary run, end to end through the built binary: a sealed store of 200 reports with a unique
/// canary in every sensitive field, long texts written in `$EDITOR` from the console, a JSON Lines import, a plain
/// and a pseudonymised export, and an import killed mid-write; then every file under the store's folder and the
/// private temp folder every `vigil` ran with is searched, as raw bytes, for any canary.
@Suite("Sealing: the canary run")
struct CanaryRunTests {
    @Test("sealed store, console $EDITOR edits, import, export, SIGKILL mid-write: 0 canaries in the store's folder, its WAL and shm, or TMPDIR")
    func canaryRun() async throws {
        let run = try CanaryRun()
        // These three run before any canary exists, so they cannot leak one (and they run without our TMPDIR).
        try run.sealed.makeDesk()

        // 200 reports, one import (one scrypt derivation). Every tenth is internal-only, so the pseudonymised export
        // below has to be forced, which puts its reason (a canary) in the log.
        let intake = CanaryRun.csv(rows: 200, prefix: "E", marker: run.marker) { $0 % 10 == 0 ? "internal_only" : "named_partners" }
        let intakeFile = run.outside + "/intake.csv"
        try Data(intake.text.utf8).write(to: URL(fileURLWithPath: intakeFile))
        run.add(intake.canaries)
        #expect(try run.ok(["import", intakeFile], as: "ana")
                == "imported 200 report(s) from intake.csv; 0 already imported; 0 invalid row(s) skipped\n")
        let listed = try #require(try run.json(["list", "--json"], as: "ana") as? [[String: Any]])
        let ids = Dictionary(uniqueKeysWithValues: listed.compactMap { report in
            (report["external_id"] as? String).flatMap { external in (report["id"] as? String).map { (external, $0) } }
        })
        #expect(ids.count == 200)

        // Long texts written in $EDITOR from the console: two comments, and a narrative and a place on one edit form.
        let edits = try await run.editInConsole(ids: ids)
        #expect(run.leaks() == [], "canaries in the store's folder or TMPDIR after the console")

        // The edited texts reached the store (so the scans below are not vacuous for them).
        for (external, canary) in edits.comments {
            let id = try #require(ids[external])
            let report = try #require(try run.json(["show", id, "--json"], as: "sam") as? [String: Any])
            let comments = (report["comments"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(comments.contains(canary), "\(external)'s comments: \(comments)")
        }

        // A second import, as JSON Lines.
        let partner = CanaryRun.jsonLines(rows: 100, prefix: "J", marker: run.marker)
        let partnerFile = run.outside + "/partner.jsonl"
        try Data(partner.text.utf8).write(to: URL(fileURLWithPath: partnerFile))
        run.add(partner.canaries)
        #expect(try run.ok(["import", partnerFile], as: "ana")
                == "imported 100 report(s) from partner.jsonl; 0 already imported; 0 invalid row(s) skipped\n")

        // Exports are the user's explicit output, written outside the scanned folders. The plain one holds every
        // field canary (including the ones written in $EDITOR); the pseudonymised one none of the personal ones.
        let plainFile = run.outside + "/export.csv"
        try run.ok(["export", "--output", plainFile], as: "ana", stderr: "exported 300 report(s) to \(plainFile)\n")
        let plain = try String(contentsOfFile: plainFile, encoding: .utf8)
        let exported = intake.canaries + partner.canaries + edits.fields
        #expect(exported.filter { !plain.contains($0) } == [], "canaries missing from the plain export")
        let partnersFile = run.outside + "/partners.jsonl"
        let forced = run.canary("forced-reason")
        try run.ok(["export", "--pseudonymise", "--format", "jsonl", "--force", "court order \(forced)", "--output", partnersFile],
                   as: "sam", stderr: "exported 300 report(s) to \(partnersFile)\n")
        let partners = try String(contentsOfFile: partnersFile, encoding: .utf8)
        let rows = partners.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 300)
        #expect(rows.allSatisfy { ($0["defender_pseudonym"] as? String)?.hasPrefix("P-") == true })
        // Every text a person typed goes, titles included (they become "acts (country)"): not one canary leaves.
        #expect(run.canaries.filter { partners.contains($0) } == [], "canaries in the pseudonymised export")

        // A large import killed with SIGKILL once its open transaction has spilled a megabyte of pages into the WAL.
        let crash = CanaryRun.csv(rows: 20_000, canaryRows: 50, prefix: "K", marker: run.marker) { _ in "named_partners" }
        let crashFile = run.outside + "/crash.csv"
        try Data(crash.text.utf8).write(to: URL(fileURLWithPath: crashFile))
        run.add(crash.canaries)
        let wal = run.sealed.store + "-wal"
        let walBefore = max(0, run.sealed.cli.size(wal))
        let importing = try run.sealed.cli.start(["import", crashFile], user: "ana", extra: run.environment("ana"))
        let spilled = poll(timeout: 60) { run.sealed.cli.size(wal) > walBefore + 1_000_000 || !importing.process.isRunning }
        let held = CanaryRun.openFiles(of: importing.process.processIdentifier, under: [run.sealed.vault, run.temp])
        kill(importing.process.processIdentifier, SIGKILL)
        importing.process.waitUntilExit()
        #expect(spilled && importing.process.terminationReason == .uncaughtSignal && importing.process.terminationStatus == SIGKILL,
                "the import was not killed mid-write (WAL \(run.sealed.cli.size(wal)) bytes, status \(importing.process.terminationStatus))")
        #expect(run.leaks(in: held) == [], "canaries in files the import had open")
        #if os(Linux)
        #expect(held.contains { $0.path.hasSuffix("/desk.vigil-wal") }, "the /proc search saw no WAL: \(held.map(\.path))")
        #endif
        // Uncommitted pages are left in the WAL: search it before anything opens the store again.
        let files = CanarySearch.files(under: run.sealed.vault)
        #expect(files.contains("desk.vigil-wal"), "no WAL left by the killed import: \(files)")
        #expect(files.allSatisfy { $0.hasPrefix("desk.vigil") }, "unexpected files in the store's folder: \(files)")
        #expect(run.leaks() == [], "canaries in the store's folder or TMPDIR after the crash")

        // The store opens after the crash and holds exactly the committed reports: none of the killed import's.
        let verified = try #require(try run.json(["verify", "--json"], as: "admin") as? [String: Any])
        #expect(verified["ok"] as? Bool == true && verified["reports"] as? Int == 300, "\(verified)")
        #expect(run.leaks() == [], "canaries in the store's folder or TMPDIR after verify")
        for file in CanarySearch.files(under: run.sealed.vault) {
            let mode = (try FileManager.default.attributesOfItem(atPath: run.sealed.vault + "/" + file)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file) is \(String(mode ?? 0, radix: 8))")
        }

        // Nor anywhere else vigil could have written in the sandbox (HOME, XDG_DATA_HOME, ...): everything but the
        // test's own inputs and outputs and the captured standard output and error of each run.
        let stray = CanarySearch.files(under: run.sealed.cli.folder)
            .filter { !$0.hasPrefix("outside/") && !($0.hasPrefix("run-") && !$0.contains("/")) }
        let strayHits = try CanarySearch.hits(run.needles, under: run.sealed.cli.folder).filter { hit in stray.contains { hit.hasPrefix($0 + ": ") } }
        #expect(strayHits == [], "canaries elsewhere in the sandbox")
        #expect(CanarySearch.files(under: run.temp) == [], "files left in TMPDIR")

        // Controls: the same search finds the canaries where they are in clear.
        for (file, canaries) in [("intake.csv", intake.canaries), ("partner.jsonl", partner.canaries), ("crash.csv", crash.canaries),
                                 ("export.csv", exported)] {
            #expect(try CanarySearch.hits(canaries, under: run.outside).filter { $0.hasPrefix(file + ": ") }.count == canaries.count,
                    "the search missed canaries in \(file)")
        }
        // Every row of intake.csv, the four $EDITOR texts, the forced reason, partner.jsonl, crash.csv's first 50.
        let expected = 8 * 200 + 4 + 1 + 7 * 100 + 8 * 50
        #expect(run.canaries.count == expected)
    }
}

/// One canary run's sandbox: a `SealedCLI` store in `vault/`, a private `tmp/` that every `vigil` gets as TMPDIR,
/// and `outside/` for the test's own inputs and outputs (CSV files, exports, the editor's log), which are not
/// searched. Every canary holds `marker`, so a search for the marker alone finds any of them.
private final class CanaryRun {
    let sealed: SealedCLI
    let temp: String
    let outside: String
    let marker = "QQCANARY\(UUID().uuidString.prefix(6))QQ"
    private(set) var canaries: [String] = []

    /// The marker as written and case-folded (the store folds text for search): what the scans look for.
    var needles: [String] { [marker, marker.lowercased()] }

    init() throws {
        sealed = try SealedCLI()
        temp = sealed.cli.folder + "/tmp"
        outside = sealed.cli.folder + "/outside"
        for folder in [temp, outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    func add(_ new: [String]) { canaries += new }

    /// A new canary, remembered.
    func canary(_ what: String) -> String {
        canaries.append("\(marker)-\(what)")
        return "\(marker)-\(what)"
    }

    func environment(_ user: String) -> [String: String] {
        sealed.extra(user).merging(["TMPDIR": temp]) { $1 }
    }

    /// Runs `vigil` as `user` with our TMPDIR; requires exit 0 and exactly `stderr` on standard error.
    @discardableResult
    func ok(_ arguments: [String], as user: String, stderr: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try sealed.cli.run(arguments, user: user, extra: environment(user), sourceLocation: sourceLocation)
        guard result.status == 0 else {
            Issue.record("vigil \(arguments.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
            throw CLITestError.failed(result.status)
        }
        #expect(result.rawStderr == stderr, "\(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    func json(_ arguments: [String], as user: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments, as: user, sourceLocation: sourceLocation).utf8))
    }

    // MARK: Searching

    /// "folder/file: canary" for every canary under the store's folder and TMPDIR. The marker is searched first
    /// (two needles, fast); only on a hit is every canary searched, to name the leaked ones.
    func leaks() -> [String] {
        var found: [String] = []
        for folder in [sealed.vault, temp] {
            let name = folder == temp ? "tmp/" : "vault/"
            guard let hits = try? CanarySearch.hits(needles, under: folder) else { return ["cannot read \(folder)"] }
            guard !hits.isEmpty else { continue }
            let named = (try? CanarySearch.hits(canaries, under: folder)) ?? []
            found += (named.isEmpty ? hits : named).map { name + $0 }
        }
        return found
    }

    /// The same for files read through /proc.
    func leaks(in files: [(path: String, data: Data)]) -> [String] {
        files.flatMap { file in needles.filter { CanarySearch.contains(file.data, Array($0.utf8)) }.map { "\(file.path): \($0)" } }
    }

    /// What a running process has open under `folders`, read through /proc/PID/fd (Linux; nothing elsewhere): a
    /// temp file unlinked as soon as it is opened, as SQLite does with its own, is on disk while open but in no
    /// folder listing.
    static func openFiles(of pid: Int32, under folders: [String]) -> [(path: String, data: Data)] {
        let descriptors = "/proc/\(pid)/fd"
        let roots = folders.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path + "/" }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []
        return entries.compactMap { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + entry),
                  roots.contains(where: target.hasPrefix),
                  let data = FileManager.default.contents(atPath: descriptors + "/" + entry) else { return nil }
            return (target, data)
        }
    }

    // MARK: Input files

    /// A CSV of `rows` reports (external ids `PREFIX-00000`...); the first `canaryRows` carry a canary in the title,
    /// pseudonym, real name, contact, safe contact channel, admin area, place and narrative (the rest carry the
    /// marker in the title only). Returned with the canaries.
    static func csv(rows: Int, canaryRows: Int? = nil, prefix: String, marker: String,
                    consent: (Int) -> String) -> (text: String, canaries: [String]) {
        var text = "external_id,title,country,acts,defender_pseudonym,defender_real_name,defender_contact,safe_contact_channel,"
            + "admin_area,place_description,narrative,consent_scope,tlp\r\n"
        var canaries: [String] = []
        for row in 0..<rows {
            let id = prefix + String(format: "-%05d", row)
            guard row < (canaryRows ?? rows) else {
                text += "\(id),Filler report \(row) \(marker),NP,threat,,,,,,,Nothing of note \(row),\(consent(row)),amber\r\n"
                continue
            }
            let c = ["title", "pseudonym", "realname", "contact", "safechannel", "adminarea", "place", "narrative"]
                .map { "\(marker)-\(prefix)\(row)-\($0)" }
            canaries += c
            text += "\(id),\"Threat to \(c[0]), urgent\",NP,death_threat;surveillance,\(c[1]),\(c[2]),\(c[3]),\(c[4]),\(c[5]),"
                + "\"\(c[6])\",\"Followed from \(c[7]), twice\",\(consent(row)),amber\r\n"
        }
        return (text, canaries)
    }

    /// A JSON Lines file of `rows` reports (external ids `PREFIX-00000`...), each with seven canaries.
    static func jsonLines(rows: Int, prefix: String, marker: String) -> (text: String, canaries: [String]) {
        var text = ""
        var canaries: [String] = []
        for row in 0..<rows {
            let c = ["title", "realname", "contact", "adminarea", "place", "narrative", "pseudonym"].map { "\(marker)-\(prefix)\(row)-\($0)" }
            canaries += c
            let object: [String: Any] = [
                "external_id": prefix + String(format: "-%05d", row), "title": "Raid on \(c[0])", "country": "KE",
                "acts": ["raid", "threat"], "defender_real_name": c[1], "defender_contact": c[2], "admin_area": c[3],
                "place_description": c[4], "narrative": "They came for \(c[5]) at night", "defender_pseudonym": c[6],
                "consent_scope": "publish_anonymised",
            ]
            let line = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            text += String(decoding: line, as: UTF8.self) + "\n"
        }
        return (text, canaries)
    }

    // MARK: The console

    struct Edits {
        /// External id and the canary written as a comment on it.
        var comments: [(String, String)] = []
        /// Canaries written into report fields (which exports carry).
        var fields: [String] = []
    }

    /// Opens the console as `ana` in tmux with `$EDITOR` a script that notes the file it was given and appends the
    /// next canary; writes two comments and one report's narrative and place in it; checks the editor's files were
    /// private and are gone.
    func editInConsole(ids: [String: String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Edits {
        let editor = outside + "/editor"
        let log = outside + "/editor.log"
        let next = outside + "/next-canary"
        try """
            #!/bin/sh
            # The test's $EDITOR: notes the file and how private it and its folder are, keeps a hard link to it (so the
            # test can see what its blocks hold once vigil has wiped and removed it), then appends the next canary.
            printf '%s\\t%s\\t%s\\n' "$1" "$(ls -ld "$(dirname "$1")" | cut -c1-10)" "$(ls -l "$1" | cut -c1-10)" >> '\(log)'
            ln "$1" '\(outside)/kept-'"$(basename "$(dirname "$1")")"
            if [ -s "$1" ]; then printf '\\n' >> "$1"; fi
            cat '\(next)' >> "$1"
            printf '\\n' >> "$1"

            """.write(toFile: editor, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor)

        var edits = Edits()
        try await withConsoleSandbox(sourceLocation: sourceLocation) { _, tmux in
            let environment = sealed.cli.environment(user: "ana", extra: self.environment("ana").merging([
                "TERM": "xterm-256color", "EDITOR": editor, "VISUAL": editor,
            ]) { $1 })
            let command = ["/usr/bin/env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                + [try CLISandbox.binary(), "console"]
            // Started in `outside/`, so nothing it might write relative to its working folder lands in a scanned one.
            try await tmux.command(["new-session", "-d", "-s", "canary", "-x", "120", "-y", "40", "-c", outside, "--"] + command)
            let pane = TmuxPane(server: tmux, target: "canary:")
            try await pane.waitUntil("the console on the sealed store", timeout: .seconds(20)) { $0.line(39).contains("ana (officer)") }

            var editorRuns = 0
            /// C-o in the focused paragraph field: waits for the editor to have run and its text to be in the form.
            func writeInEditor(_ canary: String) async throws {
                try canary.write(toFile: next, atomically: false, encoding: .utf8)
                try await pane.keys("C-o")
                editorRuns += 1
                let runs = editorRuns
                try await pane.waitUntil("the editor's text in the form") { screen in
                    screen.contains(canary) && ((try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").count ?? 0) == runs
                }
            }
            func open(_ external: String) async throws -> String {
                let id = try #require(ids[external], sourceLocation: sourceLocation)
                try await pane.keys("f")
                try await pane.waitUntil("the filter prompt") { $0.line(38).hasPrefix("filter:") }
                try await pane.keys("C-u")
                try await pane.type("external_id:\(external)")
                try await pane.keys("Enter")
                try await pane.waitUntil("the list narrowed to \(id)") { $0.listedIDs == [id] && $0.contains("Reports: 1 matching") }
                try await pane.keys("Enter")
                try await pane.waitUntil("the detail of \(id), focused") { $0.box("Detail")?.isFocused == true && $0.detailID == id }
                return id
            }

            for external in ["E-00003", "E-00004"] {
                let id = try await open(external)
                try await pane.keys("c")
                try await pane.waitFor("Comment on \(id)")
                let text = canary("\(external)-comment")
                try await writeInEditor(text)
                try await pane.keys("C-s")
                try await pane.waitUntil("the comment saved") { $0.contains("comment added to \(id)") && !$0.contains("Comment on \(id)") }
                edits.comments.append((external, text))
                try await pane.keys("Escape")
                try await pane.waitUntil("back in the list") { $0.box("Detail")?.isFocused == false }
            }

            // The edit form: narrative is its ninth field, place description its twentieth.
            let id = try await open("E-00005")
            try await pane.keys("E")
            try await pane.waitFor("Edit \(id)")
            for _ in 0..<8 { try await pane.keys("Tab") }
            try await pane.waitFor("Narrative  (C-o: write in $EDITOR)")
            let narrative = canary("E-00005-edited-narrative")
            try await writeInEditor(narrative)
            for _ in 0..<11 { try await pane.keys("Tab") }
            try await pane.waitFor("Place description  (C-o: write in $EDITOR)")
            let place = canary("E-00005-edited-place")
            try await writeInEditor(place)
            try await pane.keys("C-s")
            try await pane.waitUntil("the edit saved") { $0.contains("\(id) edited") && !$0.contains("Edit \(id)") }
            edits.fields += [narrative, place]

            // While the console has the store open (its -wal and -shm are there), search them, and what it has open.
            let files = CanarySearch.files(under: sealed.vault)
            #expect(files.contains("desk.vigil-wal") && files.contains("desk.vigil-shm"), "\(files)", sourceLocation: sourceLocation)
            #expect(leaks() == [], "canaries in the store's folder or TMPDIR while the console runs", sourceLocation: sourceLocation)
            let held = Self.openFiles(of: try await pane.pid(), under: [sealed.vault, temp])
            #expect(leaks(in: held) == [], "canaries in files the console has open", sourceLocation: sourceLocation)
            #if os(Linux)
            #expect(held.contains { $0.path.hasSuffix("/desk.vigil") }, "the /proc search saw no store: \(held.map(\.path))",
                    sourceLocation: sourceLocation)
            #endif

            try await pane.keys("q")
            try await pane.waitForExit()
        }

        // Each editor file was a 0600 file in a 0700 folder of its own in our TMPDIR, and both are gone.
        let runs = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(runs.count == 4, "\(runs)", sourceLocation: sourceLocation)
        for run in runs {
            guard run.count == 3 else { Issue.record("editor log line \(run)", sourceLocation: sourceLocation); continue }
            let folder = (run[0] as NSString).deletingLastPathComponent
            #expect((folder as NSString).deletingLastPathComponent == temp && (folder as NSString).lastPathComponent.hasPrefix("vigil-edit-"),
                    "editor file \(run[0]) is not in a folder of its own in TMPDIR", sourceLocation: sourceLocation)
            #expect(run[1] == "drwx------" && run[2] == "-rw-------", "editor folder and file modes \(run)", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: folder), "the editor's folder \(folder) is left", sourceLocation: sourceLocation)
            // Wiped before it was removed: the inode the editor wrote holds zeros only, as many as the text was long.
            let kept = FileManager.default.contents(atPath: outside + "/kept-" + (folder as NSString).lastPathComponent) ?? Data()
            #expect(!kept.isEmpty && kept.allSatisfy { $0 == 0 },
                    "the editor's file was not wiped: \(kept.count) bytes, \(String(decoding: kept.prefix(80), as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
        return edits
    }
}
