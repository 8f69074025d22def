/// Front Line Defenders' five steps of threat assessment, plus whether the threat is imminent.
public struct ThreatAssessment: Codable, Sendable, Equatable {
    public var factsEstablished = ""
    /// first, repeated or escalating (the `patterns` vocabulary); empty when not yet known.
    public var pattern = ""
    public var objective = ""
    public var perpetratorIdentified = false
    public var feasibility = ""
    public var imminent = false

    public init(factsEstablished: String = "", pattern: String = "", objective: String = "",
                perpetratorIdentified: Bool = false, feasibility: String = "", imminent: Bool = false) {
        self.factsEstablished = factsEstablished
        self.pattern = pattern
        self.objective = objective
        self.perpetratorIdentified = perpetratorIdentified
        self.feasibility = feasibility
        self.imminent = imminent
    }
}
