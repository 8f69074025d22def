import Foundation
import Testing

extension ConsoleEndToEndTests {
    /// 120x40 -> 60x15 -> 120x40: each size gets its own layout, repainted whole (a fresh console at 60x15 looks the
    /// same as the resized one; back at 120x40 it looks as it did before), nothing left over, the status bar last.
    @Test("resize 120x40 -> 60x15 -> 120x40 repaints the layout of each size with no leftovers")
    func resizeAndBack() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let command = sandbox.consoleCommand(["console", "--store", sandbox.store], user: "amina")
            let console = try await tmux.open(command, width: 120, height: 40)
            let wide = try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                                      titles: ["Facets", "Reports:", "Detail"], "three panes at 120x40")

            try await console.resize(width: 60, height: 15)
            #expect(try await console.format("#{pane_width}x#{pane_height}") == "60x15")
            let narrow = try await console.waitForFrame(width: 60, height: 15, boxes: 1, statusBar: "amina (officer)",
                                                        titles: ["Reports:"], absent: ["Facets", "Detail"],
                                                        "one pane (the list) at 60x15") { screen in
                !screen.contains("Facets") && !screen.contains("Detail")
            }
            #expect(narrow.list?.width == 60, "the list is not the whole width:\n\(narrow)")
            #expect(!narrow.listedIDs.isEmpty, "no report rows at 60x15:\n\(narrow)")

            // A console started at 60x15 paints the same screen.
            let fresh = try await tmux.open(command, width: 60, height: 15)
            let freshNarrow = try await fresh.waitForFrame(width: 60, height: 15, boxes: 1, statusBar: "amina (officer)",
                                                           titles: ["Reports:"], "a fresh console at 60x15")
            #expect(narrow.normalized == freshNarrow.normalized,
                    "resized to 60x15:\n\(narrow)\nstarted at 60x15:\n\(freshNarrow)")

            try await console.resize(width: 120, height: 40)
            let back = try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                                      titles: ["Facets", "Reports:", "Detail"], "three panes again at 120x40")
            #expect(back.normalized == wide.normalized, "before:\n\(wide)\nafter the round trip:\n\(back)")
        }
    }

    /// Below 40x12 a polite "Terminal too small" with nothing else on screen; growing the window brings the full
    /// screen back.
    @Test("30x10 shows \"Terminal too small\" and recovers when the window grows")
    func tooSmallAndRecover() async throws {
        try await withConsoleSandbox { sandbox, tmux in
            try await sandbox.makeDemoStore()
            let console = try await tmux.open(sandbox.consoleCommand(["console", "--store", sandbox.store], user: "amina"),
                                              width: 120, height: 40)
            let before = try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                                        titles: ["Facets", "Reports:", "Detail"], "three panes at 120x40")

            try await console.resize(width: 30, height: 10)
            let small = try await console.waitFor("Terminal too small")
            #expect(small.lines.count == 10, "\(small)")
            #expect(small.lines.allSatisfy { ConsoleScreen.displayWidth($0) <= 30 }, "\(small)")
            #expect(!small.lines.contains { $0.contains { "┌┐└┘│─".contains($0) } }, "box drawing left over:\n\(small)")
            #expect(!small.contains("Reports:") && !small.contains("amina (officer)"), "left over:\n\(small)")

            try await console.resize(width: 120, height: 40)
            let after = try await console.waitForFrame(width: 120, height: 40, boxes: 3, statusBar: "amina (officer)",
                                                       titles: ["Facets", "Reports:", "Detail"], "three panes again at 120x40")
            #expect(!after.contains("Terminal too small"), "\(after)")
            #expect(after.normalized == before.normalized, "before:\n\(before)\nafter:\n\(after)")
            #expect(try await !console.isDead())
        }
    }
}
