import Foundation
import Testing
import VigilCore

@Suite struct EventCodingTests {
    private static func bodies() throws -> [EventBody] {
        let fields = try validFields([.title: "Título: ameaça \"grave\"", .acts: "death_threat;raid", .incidentDate: "2026-05",
                                      .receivedAt: "2026-05-28T20:26:40Z", .narrative: "line one\nline two / slash"])
        let input = RiskInput(threat: 3, vulnerability: 4, capacity: 2,
                              threatAssessment: ThreatAssessment(factsEstablished: "SMS seen", pattern: "escalating",
                                                                 objective: "stop the case", perpetratorIdentified: true,
                                                                 feasibility: "high", imminent: true),
                              levelOverride: .high, justification: "left the area")
        var clocks = Vocabularies.standard.defaultClocks
        clocks.limits[.low] = .init(acknowledge: 60, decision: 120, reassess: 180)
        return [
            .userAdded(User(name: "olga", role: .officer, desks: ["south_asia", "europe"],
                            keys: PublicKeys(signing: Data(repeating: 7, count: 32), sealing: Data(repeating: 9, count: 32)))),
            .userChanged(User(name: "olga", role: .supervisor)),
            .userRemoved(name: "olga"),
            .settingsChanged(.init(deskMap: ["IN": "east_asia"], clocks: clocks)),
            .settingsChanged(.init()),
            .reportCreated(id: "R-2026-00001", fields: fields),
            .reportEdited(changes: [FieldChange(field: .title, before: "a", after: "b"),
                                    FieldChange(field: .acts, before: "threat", after: "")]),
            .reportTaken,
            .reportAssigned(assignee: "omar"),
            .reportAssessed(RiskModel.assess(fields: fields, input: input, by: "olga", at: fixedNow)),
            .reportEscalated(reason: "imminent", to: "sara"),
            .reportEscalated(reason: "imminent", to: nil),
            .reportDecided(outcome: .approve, note: "grant"),
            .reportDecided(outcome: .return, note: "verify"),
            .statusChanged(to: .monitoring, note: ""),
            .commented(text: "é 🙂"),
            .linked(kind: .duplicateOf, target: "R-2026-00002"),
            .linked(kind: .duplicatedBy, target: "R-2026-00003"),
            .unlinked(target: "R-2026-00002"),
            .reportClosed(reason: "duplicate", duplicateOf: "R-2026-00002"),
            .reportClosed(reason: "resolved", duplicateOf: nil),
            .reportReopened(note: "new facts"),
        ]
    }

    @Test func everyBodyRoundTripsThroughItsKindAndPayload() throws {
        for body in try Self.bodies() {
            let decoded = try EventBody(kind: body.kind, payload: try body.payload())
            #expect(decoded == body, "\(body.kind)")
        }
    }

    @Test func payloadsAreDeterministic() throws {
        for body in try Self.bodies() {
            #expect(try body.payload() == body.payload(), "\(body.kind)")
        }
        let text = String(decoding: try EventBody.reportEscalated(reason: "r", to: "sara").payload(), as: UTF8.self)
        #expect(text == #"{"reason":"r","to":"sara"}"#)
        #expect(String(decoding: try EventBody.reportTaken.payload(), as: UTF8.self) == "{}")
    }

    @Test func kindsAreStableAndDistinct() throws {
        let kinds = [
            "user.added", "user.changed", "user.removed", "settings.changed", "report.created", "report.edited", "report.taken",
            "report.assigned", "report.assessed", "report.escalated", "report.decided", "report.status_changed",
            "report.commented", "report.linked", "report.unlinked", "report.closed", "report.reopened",
        ]
        let seen = try Self.bodies().map(\.kind)
        var unique: [String] = []
        for kind in seen where !unique.contains(kind) { unique.append(kind) }
        #expect(unique == kinds)
    }

    @Test func unknownKindsAreAnError() throws {
        do {
            _ = try EventBody(kind: "report.teleported", payload: Data("{}".utf8))
            Issue.record("an unknown kind was decoded")
        } catch let error as EventDecodingError {
            #expect(error.description == "unknown event kind 'report.teleported' (written by a newer Vigil?)")
        }
    }

    @Test func damagedPayloadsAreAnError() {
        #expect(throws: (any Error).self) { try EventBody(kind: "report.assigned", payload: Data("{}".utf8)) }
        #expect(throws: (any Error).self) { try EventBody(kind: "report.commented", payload: Data("not json".utf8)) }
    }

    @Test func commandsNameTheirReport() {
        #expect(Command.take(id: "R-2026-00001").reportID == "R-2026-00001")
        #expect(Command.close(id: "R-2026-00002", reason: "resolved", duplicateOf: nil).reportID == "R-2026-00002")
        #expect(Command.create([:]).reportID == nil)
        #expect(Command.addUser(User(name: "a", role: .admin)).reportID == nil)
    }
}
