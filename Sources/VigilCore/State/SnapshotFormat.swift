import Foundation

/// The binary form of a snapshot: field by field, in a fixed order, with a version byte.
/// Ten times faster to read than Codable's JSON, which is what keeps opening a large store quick.
public enum SnapshotFormat {
    static let magic: [UInt8] = Array("VGSN".utf8)
    static let version: UInt8 = 6

    public static func encode(_ snapshot: DeskSnapshot) -> Data {
        var w = BinaryWriter()
        for byte in magic { w.byte(byte) }
        w.byte(version)
        w.int(snapshot.head)
        for level in RiskLevel.allCases {
            let limits = snapshot.clocks[level]
            w.double(limits.acknowledge)
            w.double(limits.decision)
            w.double(limits.reassess)
        }
        w.int(snapshot.deskOverrides.count)
        for (country, desk) in snapshot.deskOverrides.sorted(by: { $0.key < $1.key }) {
            w.string(country)
            w.string(desk)
        }
        w.int(snapshot.users.count)
        for user in snapshot.users {
            w.string(user.name)
            w.byte(UInt8(Role.allCases.firstIndex(of: user.role)!))
            w.strings(user.desks)
            w.optional(user.keys) { w, keys in
                w.data(keys.signing)
                w.optional(keys.sealing) { $0.data($1) }
            }
        }
        w.double(snapshot.lockAfter)
        w.bool(snapshot.wideningRestricted)
        w.int(snapshot.views.count)
        for view in snapshot.views {
            w.string(view.name); w.string(view.filter); w.string(view.sort); w.optional(view.owner) { $0.string($1) }
        }
        w.int(snapshot.reports.count)
        for report in snapshot.reports { write(report, &w) }
        return Data(w.bytes)
    }

    /// A snapshot written in a form this build does not read (an older or newer cache format): not damage, since
    /// a snapshot is only a cache of the log; the store replays the log instead.
    public struct UnknownFormat: Error, CustomStringConvertible {
        public var description: String { "the snapshot is in a format this build does not read" }
    }

    public static func decode(_ data: Data) throws -> DeskSnapshot {
        guard data.count >= 5, Array(data.prefix(4)) == magic, data[data.startIndex + 4] == version else { throw UnknownFormat() }
        return try data.withUnsafeBytes { bytes in try decode(BinaryReader(bytes)) }
    }

    /// Reads a snapshot whose magic and version were checked; `r` must not outlive the bytes it reads.
    private static func decode(_ reader: BinaryReader) throws -> DeskSnapshot {
        var r = reader
        for _ in 0..<5 { _ = try r.byte() }
        let head = try r.int64()
        var limits: [RiskLevel: ClockTable.Limits] = [:]
        for level in RiskLevel.allCases {
            limits[level] = ClockTable.Limits(acknowledge: try r.double(), decision: try r.double(), reassess: try r.double())
        }
        var overrides: [String: String] = [:]
        for _ in 0..<(try r.count()) { overrides[try r.string()] = try r.string() }
        var users: [User] = []
        for _ in 0..<(try r.count()) {
            users.append(User(name: try r.string(), role: try pick(Role.allCases, &r), desks: try r.strings(),
                              keys: try r.optional { r in PublicKeys(signing: try r.data(), sealing: try r.optional { try $0.data() }) }))
        }
        let lockAfter = try r.double()
        let wideningRestricted = try r.bool()
        var views: [SavedView] = []
        for _ in 0..<(try r.count()) {
            views.append(SavedView(name: try r.string(), filter: try r.string(), sort: try r.string(), owner: try r.optional { try $0.string() }))
        }
        let count = try r.count()
        var reports: [Report] = []
        reports.reserveCapacity(count)
        for _ in 0..<count { reports.append(try read(&r)) }
        guard r.isAtEnd else { throw BinaryReader.Malformed(offset: r.offset) }
        return DeskSnapshot(head: head, reports: reports, users: users, deskOverrides: overrides, clocks: ClockTable(limits: limits), views: views, lockAfter: lockAfter, wideningRestricted: wideningRestricted)
    }

    private static func pick<T>(_ cases: [T], _ r: inout BinaryReader) throws -> T {
        let index = Int(try r.byte())
        guard cases.indices.contains(index) else { throw BinaryReader.Malformed(offset: r.offset - 1) }
        return cases[index]
    }

    private static func index<T: Equatable>(_ value: T, in cases: [T]) -> UInt8 { UInt8(cases.firstIndex(of: value)!) }

    // MARK: - Reports

    private static func write(_ report: Report, _ w: inout BinaryWriter) {
        w.string(report.id)
        write(report.fields, &w)
        w.string(report.desk)
        w.byte(index(report.status, in: Status.allCases))
        w.optional(report.assignee) { $0.string($1) }
        w.optional(report.assessment) { write($1, &$0) }
        w.optional(report.escalation) { w, e in w.string(e.by); w.date(e.at); w.string(e.reason); w.optional(e.to) { $0.string($1) } }
        w.optional(report.decision) { w, d in
            w.string(d.by); w.date(d.at); w.byte(index(d.outcome, in: Decision.Outcome.allCases)); w.string(d.note)
        }
        w.optional(report.closure) { w, c in w.string(c.by); w.date(c.at); w.string(c.reason); w.optional(c.duplicateOf) { $0.string($1) } }
        w.int(report.links.count)
        for link in report.links { w.byte(index(link.kind, in: ReportLink.Kind.allCases)); w.string(link.target) }
        w.int(report.comments.count)
        for comment in report.comments { w.int(comment.seq); w.string(comment.author); w.date(comment.at); w.string(comment.text) }
        w.strings(report.dismissedDuplicates)
        w.date(report.createdAt)
        w.date(report.updatedAt)
        w.optional(report.takenAt) { $0.date($1) }
        w.optional(report.respondingSince) { $0.date($1) }
        w.int(report.version)
    }

    private static func read(_ r: inout BinaryReader) throws -> Report {
        let id = try r.string()
        let fields = try readFields(&r)
        var report = Report(id: id, fields: fields, desk: try r.string(), createdAt: Date(timeIntervalSince1970: 0), seq: 0)
        report.status = try pick(Status.allCases, &r)
        report.assignee = try r.optional { try $0.string() }
        report.assessment = try r.optional { try readAssessment(&$0) }
        report.escalation = try r.optional { r in
            Escalation(by: try r.string(), at: try r.date(), reason: try r.string(), to: try r.optional { try $0.string() })
        }
        report.decision = try r.optional { r in
            Decision(by: try r.string(), at: try r.date(), outcome: try pick(Decision.Outcome.allCases, &r), note: try r.string())
        }
        report.closure = try r.optional { r in
            Closure(by: try r.string(), at: try r.date(), reason: try r.string(), duplicateOf: try r.optional { try $0.string() })
        }
        for _ in 0..<(try r.count()) { report.links.append(ReportLink(kind: try pick(ReportLink.Kind.allCases, &r), target: try r.string())) }
        for _ in 0..<(try r.count()) {
            report.comments.append(Comment(seq: try r.int64(), author: try r.string(), at: try r.date(), text: try r.string()))
        }
        report.dismissedDuplicates = try r.strings()
        report.createdAt = try r.date()
        report.updatedAt = try r.date()
        report.takenAt = try r.optional { try $0.date() }
        report.respondingSince = try r.optional { try $0.date() }
        report.version = try r.int64()
        return report
    }

    private static func write(_ f: ReportFields, _ w: inout BinaryWriter) {
        for text in [f.title, f.externalID, f.recordedBy, f.intakeChannel, f.sourceRelation, f.sourceReliability, f.consentScope,
                     f.safeContactChannel, f.defenderPseudonym, f.defenderRealName, f.defenderContact, f.defenderUnit,
                     f.defenderGender, f.incidentDate, f.incidentDatePrecision, f.country, f.deskOverride, f.adminArea,
                     f.placeDescription, f.perpetratorInvolvement, f.narrative, f.tlp, f.verification] {
            w.string(text)
        }
        w.date(f.receivedAt)
        w.strings(f.sectors)
        w.strings(f.acts)
        w.strings(f.perpetrators)
    }

    private static func readFields(_ r: inout BinaryReader) throws -> ReportFields {
        var f = ReportFields()
        f.title = try r.string(); f.externalID = try r.string(); f.recordedBy = try r.string()
        f.intakeChannel = try r.string(); f.sourceRelation = try r.string(); f.sourceReliability = try r.string()
        f.consentScope = try r.string(); f.safeContactChannel = try r.string(); f.defenderPseudonym = try r.string()
        f.defenderRealName = try r.string(); f.defenderContact = try r.string(); f.defenderUnit = try r.string()
        f.defenderGender = try r.string(); f.incidentDate = try r.string(); f.incidentDatePrecision = try r.string()
        f.country = try r.string(); f.deskOverride = try r.string(); f.adminArea = try r.string()
        f.placeDescription = try r.string(); f.perpetratorInvolvement = try r.string(); f.narrative = try r.string()
        f.tlp = try r.string(); f.verification = try r.string()
        f.receivedAt = try r.date()
        f.sectors = try r.strings()
        f.acts = try r.strings()
        f.perpetrators = try r.strings()
        return f
    }

    private static func write(_ a: RiskAssessment, _ w: inout BinaryWriter) {
        let input = a.input
        w.int(input.threat); w.int(input.vulnerability); w.int(input.capacity)
        let t = input.threatAssessment
        w.string(t.factsEstablished); w.string(t.pattern); w.string(t.objective)
        w.bool(t.perpetratorIdentified); w.string(t.feasibility); w.bool(t.imminent)
        w.optional(input.levelOverride) { $0.byte(index($1, in: RiskLevel.allCases)) }
        w.string(input.justification)
        w.string(a.by); w.date(a.at); w.double(a.score)
        w.byte(index(a.band, in: RiskLevel.allCases))
        w.int(a.floors.count)
        for floor in a.floors {
            switch floor {
            case .graveAct(let act): w.byte(0); w.string(act)
            case .recentAttackByIdentifiedPerpetrator(let act, let days): w.byte(1); w.string(act); w.int(days)
            case .imminent: w.byte(2)
            }
        }
        w.byte(index(a.computedLevel, in: RiskLevel.allCases))
        w.byte(index(a.level, in: RiskLevel.allCases))
    }

    private static func readAssessment(_ r: inout BinaryReader) throws -> RiskAssessment {
        let threat = try r.int(), vulnerability = try r.int(), capacity = try r.int()
        let t = ThreatAssessment(factsEstablished: try r.string(), pattern: try r.string(), objective: try r.string(),
                                 perpetratorIdentified: try r.bool(), feasibility: try r.string(), imminent: try r.bool())
        let override = try r.optional { try pick(RiskLevel.allCases, &$0) }
        let input = RiskInput(threat: threat, vulnerability: vulnerability, capacity: capacity, threatAssessment: t,
                              levelOverride: override, justification: try r.string())
        let by = try r.string(), at = try r.date(), score = try r.double()
        let band = try pick(RiskLevel.allCases, &r)
        var floors: [RiskFloor] = []
        for _ in 0..<(try r.count()) {
            switch try r.byte() {
            case 0: floors.append(.graveAct(try r.string()))
            case 1: floors.append(.recentAttackByIdentifiedPerpetrator(act: try r.string(), days: try r.int()))
            case 2: floors.append(.imminent)
            default: throw BinaryReader.Malformed(offset: r.offset - 1)
            }
        }
        return RiskAssessment(input: input, by: by, at: at, score: score, band: band, floors: floors,
                              computedLevel: try pick(RiskLevel.allCases, &r), level: try pick(RiskLevel.allCases, &r))
    }
}
