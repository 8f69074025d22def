import Foundation
import Testing

extension ConsoleEndToEndTests {
    /// Defender pseudonyms in many scripts show in the list exactly as stored, every box still closed (one width
    /// for layout and terminal). Emoji with VS16 and flags are left out: the console draws those differently on
    /// purpose (NcursesGlyph).
    @Test("names in Devanagari, Ethiopic, CJK, Hangul, Arabic, Cyrillic, Thai and with emoji show intact and aligned")
    func unicodeNames() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let wanted = ["नदी", "ፀሐይ", "山茶", "동백", "نجمة", "Беркут", "นกเงือก", "Rimba 🌳"]
            var ids: [String: String] = [:]
            for report in try await sandbox.list(["status:!closed"], as: "noor") {
                guard let name = report["defender_pseudonym"] as? String, wanted.contains(name), ids[name] == nil,
                      let id = report["id"] as? String else { continue }
                ids[name] = id
            }
            #expect(Set(ids.keys) == Set(wanted), "the demo store lacks \(Set(wanted).subtracting(ids.keys))")

            let console = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "noor"),
                                              width: 120, height: 40)
            try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "noor (officer)",
                                           titles: ["Facets", "Reports:", "Detail"], "the triage screen")
            try await console.keys("f", "C-u")
            try await console.type("id:" + ids.values.sorted().joined(separator: ","))
            try await console.keys("Enter")
            let screen = try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "noor (officer)",
                                                        titles: ["Reports: \(ids.count) matching"], "the named reports")
            let list = try #require(screen.list)
            for (name, id) in ids.sorted(by: { $0.key < $1.key }) {
                let row = try #require(screen.row(of: id), "no row for \(id) (\(name)):\n\(screen)")
                let shown = list.value("DEFENDER", in: row)
                #expect(shown == name, """
                    \(id): the list shows the defender as "\(shown ?? "nothing")" \
                    (\(shown.map { $0.unicodeScalars.map { String($0.value, radix: 16) } } ?? [])), \
                    stored as "\(name)" (\(name.unicodeScalars.map { String($0.value, radix: 16) }))
                    """)
            }
        }
    }
}
