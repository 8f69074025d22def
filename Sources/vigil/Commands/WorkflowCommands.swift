import ArgumentParser
import VigilCore
import VigilStore

/// Runs one command against the store as the acting user and prints where the report now stands.
func performAndReport(_ storeOptions: StoreOptions, _ command: Command) throws {
    let store = try storeOptions.open()
    try guarded { try store.perform(command, as: Environment.actor, now: Environment.now) }
    guard let id = command.reportID, let report = store.state.report(id) else { return }
    var line = "\(id): \(report.status.rawValue)"
    if let assignee = report.assignee { line += ", assigned to \(assignee)" }
    if let assessment = report.assessment { line += ", risk \(assessment.level.rawValue) (\(RiskModel.formatScore(assessment.score)))" }
    Output.line(line)
}

/// `vigil take ID`
struct TakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "take", abstract: "Take a new report into triage.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    func run() throws { try performAndReport(storeOptions, .take(id: try reportID(id))) }
}

/// `vigil assign ID USER`
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a report to a user (supervisors).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Argument(help: "User to assign it to.") var user: String
    func run() throws { try performAndReport(storeOptions, .assign(id: try reportID(id), to: user)) }
}

/// `vigil assess ID --threat T --vulnerability V --capacity C`
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Assess a report's risk: score = T x V / C, with floors and an optional override.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Option(help: "Threat, 1..5.") var threat: Int
    @Option(help: "Vulnerability, 1..5.") var vulnerability: Int
    @Option(help: "Capacity, 1..5.") var capacity: Int
    @Option(help: "A different level (low, medium, high, critical); needs --justification.") var level: String?
    @Option(help: "Why the level differs from the computed one.") var justification: String?
    @Flag(help: "The threat is imminent (sets critical).") var imminent = false
    @Flag(help: "The perpetrator is identified.") var identified = false
    @Option(help: "Pattern: first, repeated or escalating.") var pattern: String?
    @Option(help: "Facts established.") var facts: String?
    @Option(help: "The perpetrator's objective.") var objective: String?
    @Option(help: "Feasibility of the threat being carried out.") var feasibility: String?

    func run() throws {
        var override: RiskLevel?
        if let level {
            guard let parsed = RiskLevel(text: level) else { throw CLIError.user("level: '\(level)' is not low, medium, high or critical") }
            override = parsed
        }
        let input = RiskInput(
            threat: threat, vulnerability: vulnerability, capacity: capacity,
            threatAssessment: ThreatAssessment(factsEstablished: facts ?? "", pattern: pattern ?? "", objective: objective ?? "",
                                               perpetratorIdentified: identified, feasibility: feasibility ?? "", imminent: imminent),
            levelOverride: override, justification: justification ?? "")
        try performAndReport(storeOptions, .assess(id: try reportID(id), input))
    }
}

/// `vigil escalate ID --reason R`
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate an assessed report to supervisors.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Option(help: "Why it needs a supervisor's decision.") var reason: String
    @Option(help: "A particular supervisor.") var to: String?
    func run() throws { try performAndReport(storeOptions, .escalate(id: try reportID(id), reason: reason, to: to)) }
}

/// `vigil decide ID approve|return --note N`
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Approve a response or return an escalated report (supervisors).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Argument(help: "approve or return.") var outcome: String
    @Option(help: "Decision note (approve) or comment (return).") var note: String
    func run() throws {
        guard let parsed = Decision.Outcome(rawValue: outcome.lowercased()) else {
            throw CLIError.user("outcome: '\(outcome)' is not approve or return")
        }
        try performAndReport(storeOptions, .decide(id: try reportID(id), outcome: parsed, note: note))
    }
}

/// The arguments of the moves that take only a report and an optional note.
struct NoteArguments: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Option(help: "Why, or what is being done.") var note = ""

    func perform(_ command: (String, String) -> Command) throws {
        try performAndReport(storeOptions, command(try reportID(id), note))
    }
}

/// `vigil respond ID`
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "respond", abstract: "Start a response to an assessed low or medium report.")
    @OptionGroup var arguments: NoteArguments
    func run() throws { try arguments.perform { .respond(id: $0, note: $1) } }
}

/// `vigil monitor ID`
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: "Move a report to monitoring.")
    @OptionGroup var arguments: NoteArguments
    func run() throws { try arguments.perform { .monitor(id: $0, note: $1) } }
}

/// `vigil retriage ID`
struct RetriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retriage", abstract: "Send a monitored report back to triage (new facts, reassessment due).")
    @OptionGroup var arguments: NoteArguments
    func run() throws { try arguments.perform { .retriage(id: $0, note: $1) } }
}

/// `vigil close ID --reason R [--duplicate-of ID]`
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a report with a reason.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Option(help: "resolved, out_of_scope, duplicate or no_further_action.") var reason: String
    @Option(help: "The original report, when closing as a duplicate.") var duplicateOf: String?
    func run() throws {
        let original = try duplicateOf.map(reportID)
        try performAndReport(storeOptions, .close(id: try reportID(id), reason: reason, duplicateOf: original))
    }
}

/// `vigil reopen ID`
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed report (supervisors).")
    @OptionGroup var arguments: NoteArguments
    func run() throws { try arguments.perform { .reopen(id: $0, note: $1) } }
}

/// `vigil comment ID TEXT`
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to a report.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Argument(help: "The comment.") var text: String
    func run() throws { try performAndReport(storeOptions, .comment(id: try reportID(id), text: text)) }
}

/// `vigil link ID ID`
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Link two reports (related, or --duplicate).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Argument(help: "The other report.") var other: String
    @Flag(help: "The first report duplicates the second.") var duplicate = false
    func run() throws {
        try performAndReport(storeOptions, .link(id: try reportID(id), target: try reportID(other), kind: duplicate ? .duplicateOf : .related))
    }
}

/// `vigil unlink ID ID`
struct UnlinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Remove a link between two reports (the history keeps it).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Report id.") var id: String
    @Argument(help: "The other report.") var other: String
    func run() throws { try performAndReport(storeOptions, .unlink(id: try reportID(id), target: try reportID(other))) }
}
