import Foundation
import VigilCore

/// Builds each form with its fields, prefilled from the report where it edits one.
public enum FormFactory {
    static func pick(_ name: VocabularyName, _ vocabularies: Vocabularies, multiple: Bool = false) -> FormField.Kind {
        .pick(options: vocabularies[name].terms, multiple: multiple)
    }

    static func countries(_ vocabularies: Vocabularies) -> FormField.Kind {
        .pick(options: vocabularies.countries.map { Term(code: $0.code, label: $0.name) }, multiple: false)
    }

    /// The report fields an intake or edit form shows, in reading order.
    static let reportFields: [ReportField] = [
        .title, .country, .acts, .defenderPseudonym, .intakeChannel, .incidentDate, .perpetrators,
        .perpetratorInvolvement, .narrative, .sectors, .defenderUnit, .defenderGender, .defenderRealName,
        .defenderContact, .safeContactChannel, .sourceRelation, .sourceReliability, .consentScope, .adminArea,
        .placeDescription, .tlp, .verification, .deskOverride, .receivedAt,
    ]

    static func field(for reportField: ReportField, _ vocabularies: Vocabularies, value: String) -> FormField {
        let kind: FormField.Kind
        switch reportField.kind {
        case .line, .timestamp, .incidentDate: kind = .text
        case .paragraph: kind = .multiline
        case .code(let name): kind = pick(name, vocabularies)
        case .codes(let name): kind = pick(name, vocabularies, multiple: true)
        case .country: kind = countries(vocabularies)
        case .desk: kind = pick(.desks, vocabularies)
        }
        var hint: String?
        switch reportField.kind {
        case .incidentDate: hint = "YYYY-MM-DD, YYYY-MM or YYYY"
        case .timestamp: hint = "empty = now; or 2026-03-14T09:30:00Z"
        case .codes: hint = "type to narrow, Space to pick"
        case .code, .country, .desk: hint = "type to narrow, Enter to choose"
        case .paragraph: hint = "C-o: write in $EDITOR"
        default: hint = nil
        }
        return FormField(id: reportField.name, label: reportField.label, kind: kind,
                         required: ReportField.required.contains(reportField), value: value, hint: hint)
    }

    public static func intake(_ desk: DeskState) -> FormState {
        let fields = reportFields.map { field(for: $0, desk.vocabularies, value: $0 == .tlp ? "amber" : $0 == .verification ? "unverified" : "") }
        return FormState(kind: .intake, fields: fields, expectedVersion: nil)
    }

    public static func edit(_ report: Report, _ desk: DeskState) -> FormState {
        let fields = reportFields.filter { !$0.isImmutable }.map { field(for: $0, desk.vocabularies, value: report.fields.text($0)) }
        return FormState(kind: .edit(report.id), fields: fields, expectedVersion: report.version)
    }

    public static func assess(_ report: Report, _ desk: DeskState) -> FormState {
        let previous = report.assessment?.input
        let threat = previous?.threatAssessment
        let levels = RiskLevel.allCases.map { Term(code: $0.rawValue, label: $0.rawValue) }
        var fields = [
            FormField(id: "threat", label: "Threat (T)", kind: .scale, value: String(previous?.threat ?? 3), hint: "1..5, Left/Right or a digit"),
            FormField(id: "vulnerability", label: "Vulnerability (V)", kind: .scale, value: String(previous?.vulnerability ?? 3)),
            FormField(id: "capacity", label: "Capacity (C)", kind: .scale, value: String(previous?.capacity ?? 3)),
            FormField(id: "imminent", label: "Imminent", kind: .toggle, value: threat?.imminent == true ? "yes" : "no", hint: "Space toggles"),
            FormField(id: "identified", label: "Perpetrator identified", kind: .toggle, value: threat?.perpetratorIdentified == true ? "yes" : "no"),
            FormField(id: "pattern", label: "Pattern", kind: pick(.patterns, desk.vocabularies), value: threat?.pattern ?? ""),
            FormField(id: "facts", label: "Facts established", kind: .text, value: threat?.factsEstablished ?? ""),
            FormField(id: "objective", label: "Objective", kind: .text, value: threat?.objective ?? ""),
            FormField(id: "feasibility", label: "Feasibility", kind: .text, value: threat?.feasibility ?? ""),
            FormField(id: "level", label: "Different level", kind: .pick(options: levels, multiple: false),
                      value: previous?.levelOverride?.rawValue ?? "", hint: "leave empty to keep the computed level"),
            FormField(id: "justification", label: "Justification", kind: .text, value: previous?.justification ?? "",
                      hint: "required for a different level"),
        ]
        fields[0].required = true
        return FormState(kind: .assess(report.id), fields: fields, expectedVersion: report.version)
    }

    public static func escalate(_ report: Report, _ desk: DeskState) -> FormState {
        let supervisors = desk.users.values.filter { $0.role == .supervisor }.map(\.name).sorted().map { Term(code: $0, label: $0) }
        return FormState(kind: .escalate(report.id), fields: [
            FormField(id: "reason", label: "Reason", kind: .multiline, required: true),
            FormField(id: "to", label: "To supervisor", kind: .pick(options: supervisors, multiple: false), hint: "empty = any supervisor"),
        ], expectedVersion: report.version)
    }

    public static func decide(_ report: Report, outcome: Decision.Outcome) -> FormState {
        FormState(kind: .decide(report.id, outcome), fields: [
            FormField(id: "note", label: outcome == .approve ? "Decision note" : "Comment for the officer", kind: .multiline, required: true),
        ], expectedVersion: report.version)
    }

    public static func close(_ report: Report, _ desk: DeskState) -> FormState {
        FormState(kind: .close(report.id), fields: [
            FormField(id: "reason", label: "Reason", kind: pick(.closingReasons, desk.vocabularies), required: true),
            FormField(id: "duplicate_of", label: "Duplicate of", kind: .text, hint: "the original's id, for reason duplicate"),
        ], expectedVersion: report.version)
    }

    public static func comment(_ report: Report) -> FormState {
        FormState(kind: .comment(report.id), fields: [
            FormField(id: "text", label: "Comment", kind: .multiline, required: true),
        ], expectedVersion: nil)
    }

    public static func duplicates(_ report: Report, candidates: [DuplicateFinder.Candidate]) -> FormState {
        let options = candidates.map { Term(code: $0.id, label: "\($0.id): " + $0.reasons.joined(separator: ", ")) }
        let decisions = [Term(code: "duplicate", label: "the same case: link \(report.id) as its duplicate"),
                         Term(code: "different", label: "a different case: stop suggesting it")]
        return FormState(kind: .duplicates(report.id), fields: [
            FormField(id: "target", label: "Suggested", kind: .pick(options: options, multiple: false), required: true,
                      value: candidates.first?.id ?? ""),
            FormField(id: "decision", label: "Decision", kind: .pick(options: decisions, multiple: false), required: true),
        ], expectedVersion: report.version)
    }

    /// The views this user may use: their own first, then the store-wide ones.
    public static func views(_ desk: DeskState, user: String) -> FormState {
        let mine = desk.views.filter { $0.owner == user }
        let shared = desk.views.filter { $0.owner == nil }
        let options = (mine + shared).map { view in
            Term(code: (view.owner == nil ? "*:" : "me:") + view.name,
                 label: "\(view.name) (\(view.owner == nil ? "store-wide" : "personal")): \(view.filter)")
        }
        return FormState(kind: .views, fields: [
            FormField(id: "view", label: "View", kind: .pick(options: options, multiple: false), required: true,
                      value: options.first?.code ?? "", hint: ":save NAME saves the current filter and sort"),
        ], expectedVersion: nil)
    }

    public static func label(_ report: Report, _ desk: DeskState) -> FormState {
        FormState(kind: .label(report.id), fields: [
            FormField(id: "tlp", label: "TLP label", kind: pick(.tlp, desk.vocabularies), required: true, value: report.fields.tlp),
        ], expectedVersion: report.version)
    }

    public static func linkDuplicate(_ report: Report) -> FormState {
        FormState(kind: .linkDuplicate(report.id), fields: [
            FormField(id: "original", label: "Duplicate of", kind: .text, required: true, hint: "the original report's id"),
        ], expectedVersion: nil)
    }

    public static func assign(_ report: Report, _ desk: DeskState) -> FormState {
        let people = desk.users.values.filter { $0.role == .officer || $0.role == .supervisor }.map(\.name).sorted()
        return FormState(kind: .assign(report.id), fields: [
            FormField(id: "assignee", label: "Assign to", kind: .pick(options: people.map { Term(code: $0, label: $0) }, multiple: false), required: true),
        ], expectedVersion: report.version)
    }
}
