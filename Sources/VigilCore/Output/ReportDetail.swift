import Foundation

/// The detail of a report as titled groups of label/value rows, shared by `vigil show` and the console's detail pane.
public enum ReportDetail {
    /// A titled group of rows.
    public struct Section: Sendable, Equatable {
        public let title: String
        public let rows: [(String, String)]

        public static func == (lhs: Section, rhs: Section) -> Bool {
            lhs.title == rhs.title && lhs.rows.map(\.0) == rhs.rows.map(\.0) && lhs.rows.map(\.1) == rhs.rows.map(\.1)
        }
    }

    /// The rows that show a field which could identify or locate a person, by their label, so a display can mask
    /// them (the labels are the ones `sections` uses).
    public static let sensitiveRows: [String: ReportField] = [
        "Real name": .defenderRealName, "Contact": .defenderContact, "Safe contact": .safeContactChannel,
        "Place": .placeDescription,
    ]

    public static func sections(_ report: Report, state: DeskState, now: Date) -> [Section] {
        let vocabularies = state.vocabularies
        let f = report.fields
        func labels(_ codes: [String], _ name: VocabularyName) -> String {
            codes.map { vocabularies[name].label($0) }.joined(separator: ", ")
        }
        func label(_ code: String, _ name: VocabularyName) -> String { code.isEmpty ? "" : vocabularies[name].label(code) }
        var sections: [Section] = []
        sections.append(Section(title: "Intake", rows: [
            ("Received", Timestamp.minute(f.receivedAt)), ("Recorded by", f.recordedBy),
            ("Channel", label(f.intakeChannel, .channels)), ("Source", label(f.sourceRelation, .sourceRelations)),
            ("Reliability", label(f.sourceReliability, .reliability)), ("Consent", label(f.consentScope, .consentScopes)),
            ("Safe contact", f.safeContactChannel), ("External id", f.externalID),
        ]))
        sections.append(Section(title: "Defender", rows: [
            ("Pseudonym", f.defenderPseudonym), ("Real name", f.defenderRealName), ("Contact", f.defenderContact),
            ("Unit", label(f.defenderUnit, .units)), ("Gender", label(f.defenderGender, .genders)),
            ("Sectors", labels(f.sectors, .sectors)),
        ]))
        let country = vocabularies.country(f.country).map { "\($0.name) (\($0.code))" } ?? f.country
        sections.append(Section(title: "Incident", rows: [
            ("Date", f.incidentDate + (f.incidentDatePrecision.isEmpty ? "" : " (\(f.incidentDatePrecision))")),
            ("Country", country), ("Desk", vocabularies.desks.label(report.desk) + (f.deskOverride.isEmpty ? "" : " (override)")),
            ("Admin area", f.adminArea), ("Place", f.placeDescription),
        ]))
        sections.append(Section(title: "Acts and perpetrators", rows: [
            ("Acts", labels(f.acts, .acts)), ("Perpetrators", labels(f.perpetrators, .perpetrators)),
            ("Involvement", label(f.perpetratorInvolvement, .involvement)),
            ("TLP", label(f.tlp, .tlp)), ("Verification", label(f.verification, .verification)),
        ]))
        if let assessment = report.assessment {
            let t = assessment.input.threatAssessment
            var rows: [(String, String)] = [
                ("Facts", t.factsEstablished), ("Pattern", t.pattern), ("Objective", t.objective),
                ("Perpetrator", t.perpetratorIdentified ? "identified" : "not identified"),
                ("Feasibility", t.feasibility), ("Imminent", t.imminent ? "yes" : "no"),
                ("Assessed", "\(assessment.by) at \(Timestamp.minute(assessment.at))"),
            ]
            rows += assessment.breakdown.map { ($0.label, $0.value) }
            sections.append(Section(title: "Risk assessment", rows: rows))
        } else {
            sections.append(Section(title: "Risk assessment", rows: [
                ("Level", "not assessed (clocks use \(report.effectiveLevel.rawValue) until then)"),
            ]))
        }
        var workflow: [(String, String)] = [("Status", report.status.label), ("Assignee", report.assignee ?? "nobody")]
        if let escalation = report.escalation {
            workflow.append(("Escalated", "by \(escalation.by) at \(Timestamp.minute(escalation.at))" + (escalation.to.map { " to \($0)" } ?? "") + ": \(escalation.reason)"))
        }
        if let decision = report.decision {
            workflow.append(("Decision", "\(decision.outcome.rawValue) by \(decision.by) at \(Timestamp.minute(decision.at)): \(decision.note)"))
        }
        if let closure = report.closure {
            workflow.append(("Closed", "\(closure.reason) by \(closure.by) at \(Timestamp.minute(closure.at))" + (closure.duplicateOf.map { " (duplicate of \($0))" } ?? "")))
        }
        for clock in state.clocks.clocks(for: report) {
            let overdue = clock.isOverdue(at: now) ? "OVERDUE " : ""
            workflow.append(("Due: \(clock.kind.rawValue)", overdue + Timestamp.minute(clock.due) + " (" + Relative.describe(clock.due, now: now) + ")"))
        }
        for link in report.links { workflow.append(("Link", "\(link.kind.rawValue) \(link.target)")) }
        sections.append(Section(title: "Workflow", rows: workflow))
        return sections
    }
}

/// "in 3h", "2d ago": how far a time is from now, for clocks.
public enum Relative {
    public static func describe(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let text: String
        switch magnitude {
        case ..<60: text = "\(Int(magnitude))s"
        case ..<3600: text = "\(Int(magnitude / 60))m"
        case ..<172_800: text = "\(Int(magnitude / 3600))h"
        default: text = "\(Int(magnitude / 86_400))d"
        }
        return seconds >= 0 ? "in " + text : text + " ago"
    }
}
