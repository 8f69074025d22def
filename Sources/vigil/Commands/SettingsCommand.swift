import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil settings`: a store's own desk map and clocks, on top of the defaults in Resources/ (admins).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Override the desk map, the clock table or the lock timeout of this store (admins).",
        discussion: "Without options, prints the store's clocks and its desk map overrides.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("desk"), help: "CC=DESK: put a country on another desk; repeatable.") var desks: [String] = []
    @Option(help: "A clock table file in the format of Resources/clocks.tsv.") var clocks: String?
    @Option(help: "Seconds of inactivity after which a console locks (30 .. 86400).") var lockAfter: Double?
    @Flag(help: "Keep officers scoped to desks from widening their console to every desk.") var restrictWidening = false
    @Flag(help: "Let scoped officers widen their console to every desk (the default).") var allowWidening = false

    func run() throws {
        let store = try storeOptions.open()
        var map: [String: String] = [:]
        for assignment in desks {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw CLIError.user("--desk \(assignment): expected CC=DESK") }
            map[parts[0].uppercased()] = parts[1]
        }
        var table: ClockTable?
        if let clocks {
            guard let data = FileManager.default.contents(atPath: Environment.absolute(clocks)) else {
                throw CLIError.user("\(clocks): cannot read the file")
            }
            do {
                table = try ClockTable.parse(String(decoding: data, as: UTF8.self), file: clocks)
            } catch {
                throw CLIError.user("\(error)")
            }
        }
        if restrictWidening && allowWidening { throw CLIError.user("--restrict-widening and --allow-widening contradict each other") }
        let widening: Bool? = restrictWidening ? true : allowWidening ? false : nil
        if map.isEmpty && table == nil && lockAfter == nil && widening == nil {
            for level in RiskLevel.allCases.reversed() {
                let limits = store.state.clocks[level]
                Output.line("\(level.rawValue)\tacknowledge \(ClockTable.Duration.format(limits.acknowledge))\tdecision \(ClockTable.Duration.format(limits.decision))\treassess \(ClockTable.Duration.format(limits.reassess))")
            }
            Output.line("lock after\t\(Int(store.state.lockAfter)) s")
            Output.line("officers widen\t\(store.state.wideningRestricted ? "no (kept to their desks)" : "yes")")
            for (country, desk) in store.state.deskOverrides.sorted(by: { $0.key < $1.key }) { Output.line("\(country)\t\(desk)") }
            return
        }
        let settings = EventBody.Settings(deskMap: map.isEmpty ? nil : map, clocks: table, lockAfter: lockAfter, restrictWidening: widening)
        try guarded { try store.perform(.changeSettings(settings), as: Environment.actor, now: Environment.now) }
        Output.line("settings changed" + (map.isEmpty ? "" : ": \(map.count) countr\(map.count == 1 ? "y" : "ies") moved") + (table == nil ? "" : "; clock table replaced") + (lockAfter.map { "; consoles lock after \(Int($0)) s" } ?? ""))
    }
}
