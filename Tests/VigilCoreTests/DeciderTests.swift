import Foundation
import Testing
import VigilCore

@Suite struct DeciderRosterTests {
    @Test func firstUserMustBeTheAdminAddingThemselves() throws {
        let desk = TestDesk()
        #expect(desk.message(.addUser(User(name: "olga", role: .officer)), as: "olga")
            == "the first user of a store must be its admin, added by themselves")
        #expect(desk.message(.addUser(User(name: "admin", role: .admin)), as: "someone")
            == "the first user of a store must be its admin, added by themselves")
        #expect(desk.refusal(.addUser(User(name: "admin", role: .admin)), as: "admin") == nil)
    }

    @Test func bootstrapProducesOneRosterEvent() throws {
        var desk = TestDesk()
        let events = try desk.run(.addUser(User(name: "admin", role: .admin)), as: "admin")
        #expect(events == [Event(seq: 1, reportID: nil, actor: "admin", time: fixedNow,
                                 body: .userAdded(User(name: "admin", role: .admin)))])
        #expect(desk.state.head == 1)
        #expect(desk.state.user("admin")?.role == .admin)
    }

    @Test func strangersAreNotOnTheRoster() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.refusal(.create([.title: "x"]), as: "mallory") == .notOnRoster("mallory"))
        #expect(desk.message(.take(id: "R-2026-00001"), as: "mallory")
            == "user 'mallory' is not on this store's roster; an admin can add them with `vigil user add`")
    }

    @Test func onlyAdminsManageTheRoster() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.addUser(User(name: "new", role: .officer)), as: "sara")
            == "only an admin may add users (sara is a supervisor)")
        #expect(desk.message(.changeUser(User(name: "olga", role: .supervisor)), as: "olga")
            == "only an admin may change users (olga is an officer)")
        #expect(desk.message(.changeSettings(.init(deskMap: ["IN": "east_asia"])), as: "aud")
            == "only an admin may change the desk map or clocks (aud is an auditor)")
    }

    @Test func rosterChecks() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.addUser(User(name: "olga", role: .officer)), as: "admin")
            == "user 'olga' is already on the roster")
        #expect(desk.message(.changeUser(User(name: "nobody", role: .officer)), as: "admin")
            == "user 'nobody' is not on the roster")
        #expect(desk.message(.addUser(User(name: "bad name", role: .officer)), as: "admin")
            == "name: 'bad name' must be 1-64 letters, digits, '.', '_' or '-'")
        #expect(desk.message(.addUser(User(name: "", role: .officer)), as: "admin")
            == "name: '' must be 1-64 letters, digits, '.', '_' or '-'")
        #expect(desk.refusal(.addUser(User(name: String(repeating: "a", count: 65), role: .officer)), as: "admin") != nil)
        #expect(desk.refusal(.addUser(User(name: "ana.maría_2-b", role: .officer)), as: "admin") == nil)
        #expect(desk.message(.addUser(User(name: "zed", role: .officer, desks: ["atlantis"])), as: "admin")?
            .hasPrefix("desks: 'atlantis' is not a desk (east_africa, ") == true)
    }

    @Test func changingAUserReplacesTheirRecord() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.changeUser(User(name: "olga", role: .officer, desks: ["europe"])), as: "admin")
        #expect(desk.state.user("olga") == User(name: "olga", role: .officer, desks: ["europe"]))
    }

    @Test func settingsAreChecked() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.message(.changeSettings(.init(deskMap: ["XX": "europe"])), as: "admin")
            == "country: 'XX' is not an ISO 3166-1 code")
        #expect(desk.message(.changeSettings(.init(deskMap: ["FR": "atlantis"])), as: "admin")
            == "desk: 'atlantis' is not a desk")
    }

    @Test func settingsMoveReportsToTheirNewDesk() throws {
        var desk = try TestDesk.staffed()
        let india = try desk.create([.country: "IN"])
        let pinned = try desk.create([.country: "IN", .deskOverride: "central_asia"])
        try desk.run(.changeSettings(.init(deskMap: ["IN": "east_asia"])), as: "admin")
        #expect(try desk.report(india).desk == "east_asia")
        #expect(try desk.report(pinned).desk == "central_asia")
        #expect(desk.state.desk(forCountry: "IN") == "east_asia")
        let later = try desk.create([.country: "IN"])
        #expect(try desk.report(later).desk == "east_asia")
    }

    @Test func settingsTakeCountryCodesInAnyCase() throws {
        var desk = try TestDesk.staffed()
        let india = try desk.create([.country: "IN"])
        let events = try desk.run(.changeSettings(.init(deskMap: ["in": "east_asia"])), as: "admin")
        #expect(events.map(\.body) == [.settingsChanged(.init(deskMap: ["IN": "east_asia"]))])
        #expect(try desk.report(india).desk == "east_asia")
        #expect(desk.state.deskOverrides == ["IN": "east_asia"])
    }

    @Test func settingsReplaceTheClocks() throws {
        var desk = try TestDesk.staffed()
        var clocks = desk.state.clocks
        clocks.limits[.critical] = .init(acknowledge: 30 * 60, decision: 12 * hour, reassess: 3 * day)
        try desk.run(.changeSettings(.init(clocks: clocks)), as: "admin")
        #expect(desk.state.clocks[.critical].acknowledge == 30 * 60)
        #expect(desk.state.clocks[.high] == Vocabularies.standard.defaultClocks[.high])
    }
}

@Suite struct DeciderIntakeTests {
    @Test func createNumbersTheReportAndRecordsWhoAndWhen() throws {
        var desk = try TestDesk.staffed()
        let events = try desk.run(.create([.title: "Death threat by SMS", .country: "India", .acts: "Death threat",
                                           .recordedBy: "someone else"]), as: "olga")
        #expect(events.count == 1)
        guard case .reportCreated(let id, let fields)? = events.first?.body else {
            Issue.record("expected report.created, got \(events)")
            return
        }
        #expect(id == "R-2026-00001")
        #expect(events.first?.reportID == id)
        #expect(fields.recordedBy == "olga")
        #expect(fields.receivedAt == fixedNow)
        #expect(fields.country == "IN")
        #expect(fields.acts == ["death_threat"])
        let report = try desk.report(id)
        #expect(report.status == .new)
        #expect(report.desk == "south_asia")
        #expect(report.assignee == nil)
        #expect(report.createdAt == fixedNow)
        #expect(report.version == events[0].seq)
    }

    @Test func receivedAtMayBeGiven() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.receivedAt: "2026-05-27T08:00:00Z"])
        #expect(try desk.report(id).fields.receivedAt == fixedNow.addingTimeInterval(-(day + 12 * hour + 26 * 60 + 40)))
    }

    @Test(arguments: ["aud", "admin"])
    func onlyDeskRolesRecordReports(user: String) throws {
        let desk = try TestDesk.staffed()
        let role = desk.state.user(user)!.role
        #expect(desk.message(.create([.title: "x", .country: "IN", .acts: "threat"]), as: user)
            == "only an officer or a supervisor may record reports (\(user) is \(role.withArticle))")
    }

    @Test func supervisorsRecordReports() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create(as: "sara")
        #expect(try desk.report(id).fields.recordedBy == "sara")
    }

    @Test func invalidFieldsAreAllReported() throws {
        let desk = try TestDesk.staffed()
        let error = desk.refusal(.create([.title: "", .country: "XX", .acts: "haunting"]), as: "olga")
        guard case .invalid(let failure)? = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(failure.errors.map(\.field) == ["country", "acts", "title"])
    }

    @Test func externalIDsAreUnique() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create([.externalID: "PARTNER-17"])
        #expect(desk.state.reportID(forExternalID: "PARTNER-17") == first)
        #expect(desk.refusal(.create([.title: "again", .country: "IN", .acts: "threat", .externalID: "PARTNER-17"]),
                             as: "olga")
            == .conflict("external id 'PARTNER-17' was already imported as \(first)"))
        #expect(desk.refusal(.create([.title: "other", .country: "IN", .acts: "threat", .externalID: "PARTNER-18"]),
                             as: "olga") == nil)
    }

    @Test func editProducesBeforeAndAfter() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.title: "Old title", .country: "IN", .acts: "threat"])
        let events = try desk.run(.edit(id: id, values: [.title: "New title", .country: "FR", .acts: "threat"],
                                        expectedVersion: nil), as: "olga")
        #expect(events.map(\.body) == [.reportEdited(changes: [
            FieldChange(field: .title, before: "Old title", after: "New title"),
            FieldChange(field: .country, before: "IN", after: "FR"),
        ])])
        let report = try desk.report(id)
        #expect(report.fields.title == "New title")
        #expect(report.desk == "europe")
        #expect(report.version == events[0].seq)
    }

    @Test func editDetectsAConcurrentChange() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        let opened = try desk.report(id).version
        try desk.run(.comment(id: id, text: "called back"), as: "sara")
        #expect(desk.refusal(.edit(id: id, values: [.title: "Mine"], expectedVersion: opened), as: "olga")
            == .conflict("\(id) changed since you opened it (last change at event \(opened + 1)); reload and re-apply"))
        #expect(desk.refusal(.edit(id: id, values: [.title: "Mine"], expectedVersion: opened + 1), as: "olga") == nil)
    }

    @Test(arguments: [ReportField.recordedBy, .externalID])
    func intakeFieldsCannotBeEdited(field: ReportField) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.edit(id: id, values: [field: "x"], expectedVersion: nil), as: "olga")
            == "\(field.name): is set at intake and cannot be edited")
    }

    @Test func editWithNoChangeIsRefused() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.title: "Same"])
        #expect(desk.message(.edit(id: id, values: [.title: "  Same "], expectedVersion: nil), as: "olga")
            == "nothing to change: the values are the ones \(id) already has")
    }

    @Test func editIsValidated() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.edit(id: id, values: [.tlp: "purple"], expectedVersion: nil), as: "olga")
            == "tlp: 'purple' is not one of clear, green, amber, red")
        #expect(desk.message(.edit(id: id, values: [.title: ""], expectedVersion: nil), as: "olga") == "title: is required")
    }

    @Test func editingTheDateAloneFollowsItsPrecision() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.incidentDate: "2026-03-14"])
        #expect(try desk.report(id).fields.incidentDatePrecision == "exact")
        try desk.run(.edit(id: id, values: [.incidentDate: "2026-03"], expectedVersion: nil), as: "olga")
        #expect(try desk.report(id).fields.incidentDate == "2026-03")
        #expect(try desk.report(id).fields.incidentDatePrecision == "month")
    }

    @Test func unknownReports() throws {
        let desk = try TestDesk.staffed()
        #expect(desk.refusal(.take(id: "R-2026-00099"), as: "olga") == .notFound("R-2026-00099"))
        #expect(desk.message(.decide(id: "R-2026-00099", outcome: .approve, note: "x"), as: "sara") == "no report R-2026-00099")
    }
}

@Suite struct DeciderScopeTests {
    /// Every command that writes to a report, for the role and scope checks.
    static func writes(_ id: String) -> [Command] {
        [
            .edit(id: id, values: [.title: "x"], expectedVersion: nil),
            .take(id: id),
            .assess(id: id, .low),
            .escalate(id: id, reason: "r", to: nil),
            .respond(id: id, note: ""),
            .monitor(id: id, note: ""),
            .retriage(id: id, note: ""),
            .comment(id: id, text: "hello"),
            .link(id: id, target: id, kind: .related),
            .unlink(id: id, target: id),
            .close(id: id, reason: "resolved", duplicateOf: nil),
        ]
    }

    @Test func auditorsCannotWrite() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        for command in Self.writes(id) {
            let message = desk.message(command, as: "aud")
            #expect(message?.hasPrefix("only an officer or a supervisor may ") == true, "\(command)")
            #expect(message?.hasSuffix(" reports (aud is an auditor)") == true, "\(command)")
        }
        #expect(desk.message(.comment(id: id, text: "hi"), as: "aud")
            == "only an officer or a supervisor may comment on reports (aud is an auditor)")
        #expect(desk.message(.assign(id: id, to: "olga"), as: "aud")
            == "only a supervisor may assign a report (you are an auditor)")
        #expect(desk.message(.reopen(id: id, note: ""), as: "aud")?.hasPrefix("cannot reopen") == true)
    }

    @Test func adminsCannotTriage() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.take(id: id), as: "admin") == "only an officer or a supervisor may take reports (admin is an admin)")
        #expect(desk.message(.assess(id: id, .low), as: "admin")
            == "only an officer or a supervisor may assess reports (admin is an admin)")
        for command in Self.writes(id) {
            #expect(desk.message(command, as: "admin")?.hasSuffix("(admin is an admin)") == true, "\(command)")
        }
    }

    @Test func scopedOfficerIsRefusedOutsideTheirDesks() throws {
        var desk = try TestDesk.staffed()
        let france = try desk.create([.country: "FR"])
        #expect(desk.message(.take(id: france), as: "omar")
            == "omar covers South Asia; \(france) is on the Europe desk (a supervisor may take it)")
        #expect(desk.message(.comment(id: france, text: "x"), as: "omar")
            == "omar covers South Asia; \(france) is on the Europe desk (a supervisor may comment on it)")
        for command in Self.writes(france) {
            #expect(desk.message(command, as: "omar")?.hasPrefix("omar covers South Asia; ") == true, "\(command)")
        }
        // Unscoped officers and supervisors may.
        #expect(desk.refusal(.take(id: france), as: "olga") == nil)
        #expect(desk.refusal(.take(id: france), as: "sara") == nil)
    }

    @Test func scopedOfficerWorksInsideTheirDesks() throws {
        var desk = try TestDesk.staffed()
        let nepal = try desk.create([.country: "NP"], as: "omar")
        try desk.run(.take(id: nepal), as: "omar")
        try desk.run(.assess(id: nepal, .medium), as: "omar")
        try desk.run(.respond(id: nepal, note: "legal aid"), as: "omar")
        #expect(try desk.report(nepal).status == .responding)
    }

    @Test func scopeFollowsTheDeskOverride() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.country: "FR", .deskOverride: "South Asia"])
        #expect(try desk.report(id).desk == "south_asia")
        #expect(desk.refusal(.take(id: id), as: "omar") == nil)
    }

    @Test func officerScopedToSeveralDesksIsToldAllOfThem() throws {
        var desk = try TestDesk.staffed()
        try desk.run(.addUser(User(name: "ines", role: .officer, desks: ["europe", "mena"])), as: "admin")
        let india = try desk.create()
        #expect(desk.message(.take(id: india), as: "ines")
            == "ines covers Europe, Middle East & North Africa; \(india) is on the South Asia desk (a supervisor may take it)")
    }
}

@Suite struct DeciderWorkflowTests {
    @Test func takeAssignsTheOfficer() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create(at: fixedNow.addingTimeInterval(-hour))
        try desk.run(.take(id: id), as: "olga")
        let report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.assignee == "olga")
        #expect(report.takenAt == fixedNow)
        #expect(desk.message(.take(id: id), as: "sam")
            == "cannot take \(id): it is in triage, and take needs a report that is new")
    }

    @Test func supervisorAssigns() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.assign(id: id, to: "olga"), as: "olga")
            == "only a supervisor may assign a report (you are an officer)")
        #expect(desk.message(.assign(id: id, to: "ghost"), as: "sara") == "cannot assign \(id) to 'ghost': not on the roster")
        #expect(desk.message(.assign(id: id, to: "aud"), as: "sara")
            == "cannot assign \(id) to aud: an auditor does not triage reports")
        try desk.run(.assign(id: id, to: "omar"), as: "sara")
        #expect(try desk.report(id).status == .inTriage)
        #expect(try desk.report(id).assignee == "omar")
        #expect(desk.message(.assign(id: id, to: "omar"), as: "sara") == "\(id) is already assigned to omar")
        try desk.run(.assign(id: id, to: "olga"), as: "sam")
        #expect(try desk.report(id).status == .inTriage)
        #expect(try desk.report(id).assignee == "olga")
    }

    @Test func assessNeedsTriageAndValidInput() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.assess(id: id, .low), as: "olga")
            == "cannot assess \(id): it is new, and assess needs a report that is in triage or assessed")
        try desk.run(.take(id: id), as: "olga")
        #expect(desk.message(.assess(id: id, RiskInput(threat: 6, vulnerability: 1, capacity: 1)), as: "olga")
            == "threat: 6 is not on the scale 1..5")
        let override = RiskInput(threat: 1, vulnerability: 1, capacity: 5, levelOverride: .high)
        #expect(desk.message(.assess(id: id, override), as: "olga")
            == "justification: a different level needs a written justification")
        try desk.run(.assess(id: id, .medium), as: "olga")
        var report = try desk.report(id)
        #expect(report.status == .assessed)
        #expect(report.riskLevel == .medium)
        #expect(report.assessment?.by == "olga")
        // Reassessing an assessed report replaces the assessment.
        try desk.run(.assess(id: id, .critical), as: "sara", at: fixedNow.addingTimeInterval(hour))
        report = try desk.report(id)
        #expect(report.riskLevel == .critical)
        #expect(report.assessment?.by == "sara")
        #expect(report.assessment?.at == fixedNow.addingTimeInterval(hour))
    }

    @Test func assessmentUsesTheCurrentFieldsAndTime() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create([.acts: "raid", .incidentDate: "2026-05-01"])
        try desk.run(.take(id: id), as: "olga")
        let identified = RiskInput(threat: 1, vulnerability: 1, capacity: 5,
                                   threatAssessment: ThreatAssessment(perpetratorIdentified: true))
        try desk.run(.assess(id: id, identified), as: "olga")
        #expect(try desk.report(id).riskLevel == .high)
        try desk.run(.assess(id: id, identified), as: "olga", at: fixedNow.addingTimeInterval(10 * day))
        #expect(try desk.report(id).riskLevel == .low)
    }

    @Test func escalateNeedsAReasonAndASupervisor() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.high)
        #expect(desk.message(.escalate(id: id, reason: "  ", to: nil), as: "olga") == "reason: an escalation needs a reason")
        #expect(desk.message(.escalate(id: id, reason: "x", to: "omar"), as: "olga")
            == "cannot escalate \(id) to 'omar': not a supervisor on the roster")
        #expect(desk.message(.escalate(id: id, reason: "x", to: "ghost"), as: "olga")
            == "cannot escalate \(id) to 'ghost': not a supervisor on the roster")
        try desk.run(.escalate(id: id, reason: "  armed men at the house ", to: "sara"), as: "olga")
        let report = try desk.report(id)
        #expect(report.status == .escalated)
        let escalation = try #require(report.escalation)
        #expect(escalation.by == "olga")
        #expect(escalation.at == fixedNow)
        #expect(escalation.reason == "armed men at the house")
        #expect(escalation.to == "sara")
    }

    @Test func escalateWithoutAddressee() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.low)
        try desk.run(.escalate(id: id, reason: "second opinion", to: nil), as: "olga")
        #expect(try desk.report(id).escalation?.to == nil)
        #expect(try desk.report(id).status == .escalated)
    }

    @Test(arguments: [RiskLevel.high, .critical])
    func highRiskCannotRespondOrMonitorWithoutEscalation(level: RiskLevel) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.at(level))
        for command in [Command.respond(id: id, note: ""), .monitor(id: id, note: "")] {
            let message = desk.message(command, as: "olga")
            #expect(message?.contains("a \(level.rawValue)-risk report must be escalated") == true, "\(command)")
            #expect(desk.message(command, as: "sara") == message)
        }
    }

    @Test(arguments: [RiskLevel.low, .medium])
    func lowAndMediumRespondOrMonitorDirectly(level: RiskLevel) throws {
        var desk = try TestDesk.staffed()
        let responding = try desk.assessed(.at(level))
        try desk.run(.respond(id: responding, note: "grant"), as: "olga", at: fixedNow.addingTimeInterval(hour))
        #expect(try desk.report(responding).status == .responding)
        #expect(try desk.report(responding).respondingSince == fixedNow.addingTimeInterval(hour))
        let monitored = try desk.assessed(.at(level))
        try desk.run(.monitor(id: monitored, note: ""), as: "olga")
        #expect(try desk.report(monitored).status == .monitoring)
    }

    @Test func provisionalLevelCountsBeforeAssessment() throws {
        var desk = try TestDesk.staffed()
        let grave = try desk.create([.acts: "death_threat"])
        #expect(desk.message(.close(id: grave, reason: "out_of_scope", duplicateOf: nil), as: "olga")
            == "only a supervisor may close a high-risk report (you are an officer)")
        let plain = try desk.create()
        #expect(desk.refusal(.close(id: plain, reason: "out_of_scope", duplicateOf: nil), as: "olga") == nil)
    }

    @Test func fullHighRiskPath() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        #expect(desk.message(.decide(id: id, outcome: .approve, note: "grant"), as: "olga")
            == "only a supervisor may approve a high-risk report (you are an officer)")
        #expect(desk.message(.decide(id: id, outcome: .approve, note: " "), as: "sara")
            == "note: approval needs a decision note")
        #expect(desk.message(.decide(id: id, outcome: .return, note: ""), as: "sara")
            == "note: returning a case needs a comment")
        try desk.run(.decide(id: id, outcome: .approve, note: " emergency grant "), as: "sara",
                     at: fixedNow.addingTimeInterval(hour))
        var report = try desk.report(id)
        #expect(report.status == .responding)
        let decision = try #require(report.decision)
        #expect(decision.by == "sara")
        #expect(decision.at == fixedNow.addingTimeInterval(hour))
        #expect(decision.outcome == .approve)
        #expect(decision.note == "emergency grant")
        #expect(report.respondingSince == fixedNow.addingTimeInterval(hour))
        try desk.run(.monitor(id: id, note: "relocated"), as: "olga")
        #expect(try desk.report(id).status == .monitoring)
        try desk.run(.retriage(id: id, note: "new threats"), as: "olga")
        #expect(try desk.report(id).status == .inTriage)
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: nil), as: "olga")
            == "only a supervisor may close a high-risk report (you are an officer)")
        try desk.run(.close(id: id, reason: "resolved", duplicateOf: nil), as: "sara")
        report = try desk.report(id)
        #expect(report.status == .closed)
        let closure = try #require(report.closure)
        #expect(closure.by == "sara")
        #expect(closure.at == fixedNow)
        #expect(closure.reason == "resolved")
        #expect(closure.duplicateOf == nil)
        #expect(desk.message(.reopen(id: id, note: "again"), as: "olga")
            == "only a supervisor may reopen a high-risk report (you are an officer)")
        try desk.run(.reopen(id: id, note: "again"), as: "sam")
        report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.closure == nil)
    }

    @Test func returnSendsTheCaseBackToTriage() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.critical)
        try desk.run(.decide(id: id, outcome: .return, note: "verify the source first"), as: "sara")
        let report = try desk.report(id)
        #expect(report.status == .inTriage)
        #expect(report.decision?.outcome == .return)
        #expect(report.respondingSince == nil)
    }

    @Test func decidingADecidedEscalationIsAConflictNamingWhoDecided() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        try desk.run(.decide(id: id, outcome: .approve, note: "grant"), as: "sara")
        let error = desk.refusal(.decide(id: id, outcome: .return, note: "no"), as: "sam")
        #expect(error == .conflict("\(id) was already decided by sara at 2026-05-28 20:26 (approve)"))
    }

    @Test func twoApprovalsOnlyOnePasses() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        // Both supervisors open the escalation at the same moment; the store applies their commands one after the other.
        var accepted: [String] = []
        var conflicts: [String] = []
        for supervisor in ["sara", "sam"] {
            do {
                try desk.run(.decide(id: id, outcome: .approve, note: "approved by \(supervisor)"), as: supervisor)
                accepted.append(supervisor)
            } catch let error as DeskError {
                guard case .conflict(let message) = error else {
                    Issue.record("expected a conflict, got \(error)")
                    continue
                }
                #expect(message.contains("already decided by sara"))
                conflicts.append(supervisor)
            }
        }
        #expect(accepted == ["sara"])
        #expect(conflicts == ["sam"])
        #expect(try desk.report(id).decision?.by == "sara")
    }

    @Test func reEscalationClearsTheOldDecision() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.escalated(.high)
        try desk.run(.decide(id: id, outcome: .return, note: "verify"), as: "sara")
        try desk.run(.assess(id: id, .high), as: "olga")
        try desk.run(.escalate(id: id, reason: "verified", to: nil), as: "olga")
        #expect(try desk.report(id).decision == nil)
        try desk.run(.decide(id: id, outcome: .approve, note: "grant"), as: "sam")
        #expect(try desk.report(id).decision?.by == "sam")
    }

    @Test func commentsAreAppended() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.comment(id: id, text: " \n "), as: "olga") == "text: a comment cannot be empty")
        let first = try desk.run(.comment(id: id, text: "called the defender"), as: "olga")
        try desk.run(.comment(id: id, text: "partner confirms"), as: "sara", at: fixedNow.addingTimeInterval(60))
        let comments = try desk.report(id).comments
        #expect(comments == [
            Comment(seq: first[0].seq, author: "olga", at: fixedNow, text: "called the defender"),
            Comment(seq: first[0].seq + 1, author: "sara", at: fixedNow.addingTimeInterval(60), text: "partner confirms"),
        ])
    }

    @Test func linkChecks() throws {
        var desk = try TestDesk.staffed()
        let a = try desk.create()
        #expect(desk.message(.link(id: a, target: a, kind: .related), as: "olga") == "a report cannot be linked to itself")
        #expect(desk.refusal(.link(id: a, target: "R-2026-00099", kind: .related), as: "olga") == .notFound("R-2026-00099"))
        let b = try desk.create()
        #expect(desk.message(.unlink(id: a, target: b), as: "olga") == "\(a) is not linked to \(b)")
    }

    @Test func closeChecks() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        #expect(desk.message(.close(id: id, reason: "bored", duplicateOf: nil), as: "olga")
            == "reason: 'bored' is not one of resolved, out_of_scope, duplicate, no_further_action")
        #expect(desk.message(.close(id: id, reason: "duplicate", duplicateOf: nil), as: "olga")
            == "duplicate_of: closing as a duplicate needs the original report's id")
        #expect(desk.message(.close(id: id, reason: "duplicate", duplicateOf: id), as: "olga")
            == "a report cannot be a duplicate of itself")
        #expect(desk.refusal(.close(id: id, reason: "duplicate", duplicateOf: "R-2026-00099"), as: "olga")
            == .notFound("R-2026-00099"))
        let other = try desk.create()
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: other), as: "olga")
            == "duplicate_of: only goes with the reason 'duplicate'")
    }

    @Test func aReportDuplicatesAtMostOneOriginal() throws {
        var desk = try TestDesk.staffed()
        let first = try desk.create(), second = try desk.create(), copy = try desk.create()
        try desk.run(.link(id: copy, target: first, kind: .duplicateOf), as: "olga")
        let refusal = "\(copy) is already linked as a duplicate of \(first); unlink it first"
        #expect(desk.message(.close(id: copy, reason: "duplicate", duplicateOf: second), as: "olga") == refusal)
        #expect(desk.message(.link(id: copy, target: second, kind: .duplicateOf), as: "olga") == refusal)
        #expect(desk.message(.link(id: second, target: copy, kind: .duplicatedBy), as: "olga") == refusal)
        // The same original again, or a looser link, is fine.
        #expect(desk.refusal(.close(id: copy, reason: "duplicate", duplicateOf: first), as: "olga") == nil)
        #expect(desk.refusal(.link(id: copy, target: second, kind: .related), as: "olga") == nil)
        try desk.run(.unlink(id: copy, target: first), as: "olga")
        try desk.run(.close(id: copy, reason: "duplicate", duplicateOf: second), as: "olga")
        let closed = try desk.report(copy)
        #expect(closed.duplicateOf == second)
        #expect(closed.closure?.duplicateOf == second)
    }

    @Test(arguments: ["resolved", "out_of_scope", "no_further_action"])
    func officerClosesLowRisk(reason: String) throws {
        var desk = try TestDesk.staffed()
        let id = try desk.assessed(.low)
        let events = try desk.run(.close(id: id, reason: reason, duplicateOf: nil), as: "olga")
        #expect(events.map(\.body) == [.reportClosed(reason: reason, duplicateOf: nil)])
        #expect(try desk.report(id).status == .closed)
    }

    @Test func closedReportsRefuseFurtherMoves() throws {
        var desk = try TestDesk.staffed()
        let id = try desk.create()
        try desk.run(.close(id: id, reason: "out_of_scope", duplicateOf: nil), as: "olga")
        #expect(desk.message(.close(id: id, reason: "resolved", duplicateOf: nil), as: "olga")?
            .hasPrefix("cannot close \(id): it is closed, and close needs a report that is new or in triage") == true)
        #expect(desk.message(.take(id: id), as: "olga") == "cannot take \(id): it is closed, and take needs a report that is new")
        #expect(desk.message(.reopen(id: id, note: ""), as: "olga") == "only a supervisor may reopen a report (you are an officer)")
    }
}
