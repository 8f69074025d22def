import Testing
import VigilCore

/// The workflow of DOMAIN.md written out independently of `WorkflowTable`, as (status after the move) or nil when refused.
private func expectedOutcome(_ action: WorkflowAction, _ status: Status, _ level: RiskLevel, _ role: Role) -> Status?? {
    let desk = role == .officer || role == .supervisor
    let supervisor = role == .supervisor
    let open = status != .closed
    let lowMedium = level == .low || level == .medium
    switch action {
    case .take: return status == .new && desk ? .some(.inTriage) : nil
    case .assign:
        guard open && supervisor else { return nil }
        return status == .new ? .some(.inTriage) : .some(nil)
    case .assess: return (status == .inTriage || status == .assessed) && desk ? .some(.assessed) : nil
    case .escalate: return status == .assessed && desk ? .some(.escalated) : nil
    case .approve: return status == .escalated && supervisor ? .some(.responding) : nil
    case .return: return status == .escalated && supervisor ? .some(.inTriage) : nil
    case .respond: return status == .assessed && lowMedium && desk ? .some(.responding) : nil
    case .monitor:
        return desk && ((status == .assessed && lowMedium) || status == .responding) ? .some(.monitoring) : nil
    case .retriage: return status == .monitoring && desk ? .some(.inTriage) : nil
    case .close: return open && (lowMedium ? desk : supervisor) ? .some(.closed) : nil
    case .reopen: return status == .closed && supervisor ? .some(.inTriage) : nil
    }
}

private struct Case: CustomTestStringConvertible, Sendable {
    let action: WorkflowAction
    let status: Status
    let level: RiskLevel
    let role: Role
    var testDescription: String { "\(action) \(status) \(level) \(role)" }

    static let all: [Case] = WorkflowAction.allCases.flatMap { action in
        Status.allCases.flatMap { status in
            RiskLevel.allCases.flatMap { level in
                Role.allCases.map { role in Case(action: action, status: status, level: level, role: role) }
            }
        }
    }
}

@Suite struct WorkflowTableTests {
    @Test func everyCombinationFollowsTheDomainWorkflow() {
        for item in Case.all {
            let result = WorkflowTable.check(item.action, status: item.status, level: item.level, role: item.role,
                                             reportID: "R-2026-00001")
            switch (result, expectedOutcome(item.action, item.status, item.level, item.role)) {
            case (.success(let row), .some(let to)):
                #expect(row.to == to, "\(item.testDescription)")
                #expect(row.action == item.action)
            case (.failure, .none):
                break
            case (.success, .none):
                Issue.record("\(item.testDescription) is allowed but DOMAIN.md refuses it")
            case (.failure(let refusal), .some):
                Issue.record("\(item.testDescription) is refused (\(refusal.message)) but DOMAIN.md allows it")
            }
        }
    }

    @Test func auditorsAndAdminsAreNeverAllowed() {
        for item in Case.all where item.role == .auditor || item.role == .admin {
            let result = WorkflowTable.check(item.action, status: item.status, level: item.level, role: item.role,
                                             reportID: "R-2026-00001")
            #expect(throws: WorkflowRefusal.self, "\(item.testDescription)") { try result.get() }
        }
    }

    @Test func everyRowIsReachable() {
        for (index, row) in WorkflowTable.rows.enumerated() {
            let reachable = Case.all.contains { item in
                guard item.action == row.action, row.from.contains(item.status), row.levels.contains(item.level),
                      row.roles.contains(item.role) else { return false }
                if case .success(let found) = WorkflowTable.check(item.action, status: item.status, level: item.level,
                                                                  role: item.role, reportID: "R-1") {
                    return found.from == row.from && found.levels == row.levels && found.roles == row.roles
                }
                return false
            }
            #expect(reachable, "row \(index) (\(row.action)) is shadowed by another row")
        }
    }

    // MARK: refusal messages

    private func refusal(_ action: WorkflowAction, _ status: Status, _ level: RiskLevel, _ role: Role) -> String? {
        switch WorkflowTable.check(action, status: status, level: level, role: role, reportID: "R-2026-00007") {
        case .success: nil
        case .failure(let refusal): refusal.message
        }
    }

    @Test func officerClosingHighRisk() {
        #expect(refusal(.close, .assessed, .high, .officer)
            == "only a supervisor may close a high-risk report (you are an officer)")
        #expect(refusal(.close, .monitoring, .critical, .officer)
            == "only a supervisor may close a critical-risk report (you are an officer)")
    }

    @Test func wrongStatusNamesTheStatusesThatWouldDo() {
        #expect(refusal(.take, .inTriage, .medium, .officer)
            == "cannot take R-2026-00007: it is in triage, and take needs a report that is new")
        #expect(refusal(.approve, .assessed, .high, .supervisor)
            == "cannot approve R-2026-00007: it is assessed, and approve needs a report that is escalated")
        #expect(refusal(.assess, .new, .medium, .officer)
            == "cannot assess R-2026-00007: it is new, and assess needs a report that is in triage or assessed")
        #expect(refusal(.reopen, .responding, .low, .supervisor)
            == "cannot reopen R-2026-00007: it is responding, and reopen needs a report that is closed")
        #expect(refusal(.close, .closed, .low, .officer)?.hasPrefix("cannot close R-2026-00007: it is closed") == true)
    }

    @Test(arguments: [WorkflowAction.respond, .monitor], [RiskLevel.high, .critical])
    func respondOrMonitorAtHighRiskMustEscalate(action: WorkflowAction, level: RiskLevel) {
        let message = refusal(action, .assessed, level, .officer)
        #expect(message == "cannot \(action.rawValue) R-2026-00007: it is assessed at \(level.rawValue) risk, and only low or medium-risk"
            + " reports may \(action.rawValue) from there; a \(level.rawValue)-risk report must be escalated")
        // Supervisors are held to the same rule.
        #expect(refusal(action, .assessed, level, .supervisor) == message)
    }

    @Test func roleRefusalsNameTheRolesAllowed() {
        #expect(refusal(.approve, .escalated, .high, .officer)
            == "only a supervisor may approve a high-risk report (you are an officer)")
        #expect(refusal(.return, .escalated, .medium, .officer)
            == "only a supervisor may return a report (you are an officer)")
        #expect(refusal(.take, .new, .medium, .auditor)
            == "only an officer or a supervisor may take a report (you are an auditor)")
        #expect(refusal(.take, .new, .medium, .admin)
            == "only an officer or a supervisor may take a report (you are an admin)")
        #expect(refusal(.reopen, .closed, .low, .officer) == "only a supervisor may reopen a report (you are an officer)")
        #expect(refusal(.assign, .new, .low, .officer) == "only a supervisor may assign a report (you are an officer)")
        #expect(refusal(.close, .assessed, .low, .auditor)
            == "only an officer or a supervisor may close a report (you are an auditor)")
    }

    @Test func monitorFromRespondingIsAllowedAtEveryLevel() throws {
        for level in RiskLevel.allCases {
            let row = try WorkflowTable.check(.monitor, status: .responding, level: level, role: .officer,
                                              reportID: "R-1").get()
            #expect(row.to == .monitoring)
        }
    }

    @Test func roleArticles() {
        #expect(Role.allCases.map(\.withArticle) == ["an officer", "a supervisor", "an admin", "an auditor"])
    }
}
