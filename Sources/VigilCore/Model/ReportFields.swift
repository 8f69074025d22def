import Foundation

/// The editable content of a threat report: intake, consent, defender, incident, acts and labels.
/// Empty strings and empty lists mean "not recorded".
public struct ReportFields: Codable, Sendable, Equatable {
    public var title = ""
    public var externalID = ""
    public var receivedAt = Date(timeIntervalSince1970: 0)
    public var recordedBy = ""
    public var intakeChannel = ""
    public var sourceRelation = ""
    public var sourceReliability = ""
    public var consentScope = ""
    public var safeContactChannel = ""
    public var defenderPseudonym = ""
    public var defenderRealName = ""
    public var defenderContact = ""
    public var defenderUnit = ""
    public var defenderGender = ""
    public var sectors: [String] = []
    public var incidentDate = ""
    public var incidentDatePrecision = ""
    public var country = ""
    public var deskOverride = ""
    public var adminArea = ""
    public var placeDescription = ""
    public var acts: [String] = []
    public var perpetrators: [String] = []
    public var perpetratorInvolvement = ""
    public var narrative = ""
    public var tlp = "amber"
    public var verification = "unverified"

    public init() {}

    /// The field's value as text: lists joined with `;`, times in ISO 8601.
    public func text(_ field: ReportField) -> String {
        switch field {
        case .title: title
        case .externalID: externalID
        case .receivedAt: Timestamp.format(receivedAt)
        case .recordedBy: recordedBy
        case .intakeChannel: intakeChannel
        case .sourceRelation: sourceRelation
        case .sourceReliability: sourceReliability
        case .consentScope: consentScope
        case .safeContactChannel: safeContactChannel
        case .defenderPseudonym: defenderPseudonym
        case .defenderRealName: defenderRealName
        case .defenderContact: defenderContact
        case .defenderUnit: defenderUnit
        case .defenderGender: defenderGender
        case .sectors: sectors.joined(separator: ";")
        case .incidentDate: incidentDate
        case .incidentDatePrecision: incidentDatePrecision
        case .country: country
        case .deskOverride: deskOverride
        case .adminArea: adminArea
        case .placeDescription: placeDescription
        case .acts: acts.joined(separator: ";")
        case .perpetrators: perpetrators.joined(separator: ";")
        case .perpetratorInvolvement: perpetratorInvolvement
        case .narrative: narrative
        case .tlp: tlp
        case .verification: verification
        }
    }

    /// Sets a field from text that has already been normalised by `FieldValidator`.
    public mutating func set(_ field: ReportField, text value: String) {
        switch field {
        case .title: title = value
        case .externalID: externalID = value
        case .receivedAt: receivedAt = Timestamp.parse(value) ?? receivedAt
        case .recordedBy: recordedBy = value
        case .intakeChannel: intakeChannel = value
        case .sourceRelation: sourceRelation = value
        case .sourceReliability: sourceReliability = value
        case .consentScope: consentScope = value
        case .safeContactChannel: safeContactChannel = value
        case .defenderPseudonym: defenderPseudonym = value
        case .defenderRealName: defenderRealName = value
        case .defenderContact: defenderContact = value
        case .defenderUnit: defenderUnit = value
        case .defenderGender: defenderGender = value
        case .sectors: sectors = ReportField.splitList(value)
        case .incidentDate: incidentDate = value
        case .incidentDatePrecision: incidentDatePrecision = value
        case .country: country = value
        case .deskOverride: deskOverride = value
        case .adminArea: adminArea = value
        case .placeDescription: placeDescription = value
        case .acts: acts = ReportField.splitList(value)
        case .perpetrators: perpetrators = ReportField.splitList(value)
        case .perpetratorInvolvement: perpetratorInvolvement = value
        case .narrative: narrative = value
        case .tlp: tlp = value.isEmpty ? "amber" : value
        case .verification: verification = value.isEmpty ? "unverified" : value
        }
    }
}
