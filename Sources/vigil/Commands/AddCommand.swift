import ArgumentParser
import Foundation
import VigilCore
import VigilStore

/// `vigil add`: records a new report from options; prints its id.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a new threat report; prints the new id.",
        discussion: "Any field can also be set with --set FIELD=VALUE (field names as in `vigil show --json`).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "One-line title.") var title: String
    @Option(help: "ISO 3166-1 alpha-2 code or English name.") var country: String
    @Option(help: "Acts, comma-separated (threat, death_threat, surveillance, ...).") var acts: String
    @Option(help: "The narrative, or - to read it from standard input.") var narrative: String?
    @Option(help: "Defender pseudonym (what lists show).") var pseudonym: String?
    @Option(help: "Intake channel.") var channel: String?
    @Option(help: "Incident date: YYYY-MM-DD, YYYY-MM or YYYY.") var incidentDate: String?
    @Option(help: "Perpetrator types, comma-separated.") var perpetrators: String?
    @Option(help: "When it was received (ISO 8601; default now).") var receivedAt: String?
    @Option(name: .customLong("set"), help: "FIELD=VALUE for any other field; repeatable.") var assignments: [String] = []

    func run() throws {
        var values: [ReportField: String] = [.title: title, .country: country, .acts: acts]
        if let pseudonym { values[.defenderPseudonym] = pseudonym }
        if let channel { values[.intakeChannel] = channel }
        if let incidentDate { values[.incidentDate] = incidentDate }
        if let perpetrators { values[.perpetrators] = perpetrators }
        if let receivedAt { values[.receivedAt] = receivedAt }
        if let narrative {
            values[.narrative] = narrative == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : narrative
        }
        for (field, value) in try FieldAssignments.parse(assignments) { values[field] = value }
        let store = try storeOptions.open()
        let events = try guarded { try store.perform(.create(values), as: Environment.actor, now: Environment.now) }
        Output.line(events.first?.reportID ?? "")
    }
}

/// `FIELD=VALUE` options, checked against the field names.
enum FieldAssignments {
    static func parse(_ assignments: [String]) throws -> [ReportField: String] {
        var values: [ReportField: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw CLIError.user("--set \(assignment): expected FIELD=VALUE")
            }
            let name = String(assignment[..<equals])
            guard let field = ReportField(name: name) else {
                throw CLIError.user("--set \(name): unknown field (known: \(ReportField.allCases.map(\.name).joined(separator: ", ")))")
            }
            values[field] = String(assignment[assignment.index(after: equals)...])
        }
        return values
    }
}

/// `vigil edit`: changes fields of a report; each change is kept with its before and after.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change fields of a report (--set FIELD=VALUE).")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Option(name: .customLong("set"), help: "FIELD=VALUE; repeatable.") var assignments: [String] = []

    func run() throws {
        let values = try FieldAssignments.parse(assignments)
        guard !values.isEmpty else { throw CLIError.user("nothing to change: give at least one --set FIELD=VALUE") }
        let id = try reportID(id)
        let store = try storeOptions.open()
        let events = try guarded { try store.perform(.edit(id: id, values: values, expectedVersion: nil), as: Environment.actor, now: Environment.now) }
        for event in events {
            if case .reportEdited(let changes) = event.body {
                for change in changes { Output.line("\(id) \(change.field.name): '\(change.before)' -> '\(change.after)'") }
            }
        }
    }
}
