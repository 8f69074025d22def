import ArgumentParser
import Foundation
import TerminalKit
import VigilCore
import VigilStore

/// `vigil show ID`: every field, the risk breakdown, the clocks, comments and the history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a report: fields, risk breakdown, clocks, history.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Flag(help: "Print one JSON object with comments and history.") var json = false

    func run() throws {
        let id = try reportID(id)
        let store = try storeOptions.open()
        guard let report = store.state.report(id) else { throw CLIError.user("no report \(id)") }
        let now = Environment.now
        let history = try guarded { try store.history(of: id) }
        if json {
            Output.line(ShowJSON.render(report, history: history, store: store, now: now))
            return
        }
        Output.line("\(report.id)  \(TextSanitizer.clean(report.fields.title))")
        for section in ReportDetail.sections(report, state: store.state, now: now) {
            Output.line()
            Output.line(section.title)
            let width = section.rows.map { DisplayWidth.of($0.0) }.max() ?? 0
            for (label, value) in section.rows where !value.isEmpty {
                Output.line("  " + TextLayout.pad(label, to: width) + "  " + TextSanitizer.clean(value))
            }
        }
        if !report.fields.narrative.isEmpty {
            Output.line()
            Output.line("Narrative")
            for line in TextLayout.wrap(TextSanitizer.clean(report.fields.narrative), width: 96) { Output.line("  " + line) }
        }
        if !report.comments.isEmpty {
            Output.line()
            Output.line("Comments")
            for comment in report.comments {
                Output.line("  \(Timestamp.minute(comment.at))  \(comment.author): \(TextSanitizer.clean(comment.text))")
            }
        }
        Output.line()
        Output.line("History")
        for event in history {
            Output.line("  #\(event.seq)  \(Timestamp.minute(event.time))  \(event.actor)  \(TextSanitizer.clean(EventSummary.describe(event)))")
        }
    }
}

/// The `show --json` object: the report record plus comments and history.
enum ShowJSON {
    static func render(_ report: Report, history: [Event], store: SQLiteStore, now: Date) -> String {
        let record = ReportRecord(report: report, clocks: store.state.clocks, now: now).json()
        let comments = report.comments.map {
            "{\"seq\":\($0.seq),\"author\":\(JSONText.quote($0.author)),\"at\":\(JSONText.quote(Timestamp.format($0.at))),\"text\":\(JSONText.quote($0.text))}"
        }
        let events = history.map {
            "{\"seq\":\($0.seq),\"actor\":\(JSONText.quote($0.actor)),\"time\":\(JSONText.quote(Timestamp.format($0.time))),\"kind\":\(JSONText.quote($0.body.kind)),\"summary\":\(JSONText.quote(EventSummary.describe($0)))}"
        }
        let breakdown = (report.assessment?.breakdown ?? []).map {
            "{\"label\":\(JSONText.quote($0.label)),\"value\":\(JSONText.quote($0.value))}"
        }
        // Splice the extra keys into the record object, keeping its key order first.
        return String(record.dropLast()) + ",\"risk_breakdown\":[\(breakdown.joined(separator: ","))],\"comments\":[\(comments.joined(separator: ","))],\"history\":[\(events.joined(separator: ","))]}"
    }
}

/// JSON string quoting, for the few hand-assembled objects of the CLI.
enum JSONText {
    static func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
