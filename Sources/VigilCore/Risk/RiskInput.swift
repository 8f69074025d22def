/// What an officer enters to assess a report: T, V, C on 1..5, the threat assessment, and an optional override.
public struct RiskInput: Codable, Sendable, Equatable {
    public var threat: Int
    public var vulnerability: Int
    public var capacity: Int
    public var threatAssessment: ThreatAssessment
    public var levelOverride: RiskLevel?
    public var justification: String

    public init(threat: Int, vulnerability: Int, capacity: Int, threatAssessment: ThreatAssessment = ThreatAssessment(),
                levelOverride: RiskLevel? = nil, justification: String = "") {
        self.threat = threat
        self.vulnerability = vulnerability
        self.capacity = capacity
        self.threatAssessment = threatAssessment
        self.levelOverride = levelOverride
        self.justification = justification
    }

    /// Field-level problems with the input; empty when it can be saved.
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        for (name, value) in [("threat", threat), ("vulnerability", vulnerability), ("capacity", capacity)]
        where !(1...5).contains(value) {
            errors.append(FieldError(field: name, message: "\(value) is not on the scale 1..5"))
        }
        if levelOverride != nil && justification.trimmingSpaces.isEmpty {
            errors.append(FieldError(field: "justification", message: "a different level needs a written justification"))
        }
        let pattern = threatAssessment.pattern
        if !pattern.isEmpty && !Vocabularies.standard[.patterns].contains(pattern) {
            errors.append(FieldError(field: "pattern", message: "'\(pattern)' is not one of \(Vocabularies.standard[.patterns].codeList)"))
        }
        return errors
    }
}
