/// Every editable field of a report, with its external name (JSON, CSV, forms) and the kind of value it takes.
public enum ReportField: String, CaseIterable, Codable, Sendable {
    case title
    case externalID = "external_id"
    case receivedAt = "received_at"
    case recordedBy = "recorded_by"
    case intakeChannel = "intake_channel"
    case sourceRelation = "source_relation"
    case sourceReliability = "source_reliability"
    case consentScope = "consent_scope"
    case safeContactChannel = "safe_contact_channel"
    case defenderPseudonym = "defender_pseudonym"
    case defenderRealName = "defender_real_name"
    case defenderContact = "defender_contact"
    case defenderUnit = "defender_unit"
    case defenderGender = "defender_gender"
    case sectors
    case incidentDate = "incident_date"
    case incidentDatePrecision = "incident_date_precision"
    case country
    case deskOverride = "region_override"
    case adminArea = "admin_area"
    case placeDescription = "place_description"
    case acts, perpetrators
    case perpetratorInvolvement = "perpetrator_involvement"
    case narrative, tlp, verification

    /// The shape of value a field takes, which decides how it is validated and edited.
    public enum Kind: Sendable, Equatable {
        case line(maxLength: Int)
        case paragraph
        case code(VocabularyName)
        case codes(VocabularyName)
        case country
        case desk
        case incidentDate
        case timestamp
    }

    /// The external name, e.g. `defender_pseudonym`.
    public var name: String { rawValue }

    public var kind: Kind {
        switch self {
        case .title: .line(maxLength: 200)
        case .externalID: .line(maxLength: 100)
        case .receivedAt: .timestamp
        case .recordedBy: .line(maxLength: 64)
        case .intakeChannel: .code(.channels)
        case .sourceRelation: .code(.sourceRelations)
        case .sourceReliability: .code(.reliability)
        case .consentScope: .code(.consentScopes)
        case .safeContactChannel: .line(maxLength: 200)
        case .defenderPseudonym: .line(maxLength: 80)
        case .defenderRealName: .line(maxLength: 200)
        case .defenderContact: .line(maxLength: 200)
        case .defenderUnit: .code(.units)
        case .defenderGender: .code(.genders)
        case .sectors: .codes(.sectors)
        case .incidentDate: .incidentDate
        case .incidentDatePrecision: .code(.datePrecisions)
        case .country: .country
        case .deskOverride: .desk
        case .adminArea: .line(maxLength: 120)
        case .placeDescription: .paragraph
        case .acts: .codes(.acts)
        case .perpetrators: .codes(.perpetrators)
        case .perpetratorInvolvement: .code(.involvement)
        case .narrative: .paragraph
        case .tlp: .code(.tlp)
        case .verification: .code(.verification)
        }
    }

    /// A human label for forms and the detail pane.
    public var label: String {
        switch self {
        case .externalID: "External id"
        case .deskOverride: "Desk (override)"
        case .defenderPseudonym: "Pseudonym"
        case .defenderRealName: "Real name"
        case .defenderContact: "Contact"
        case .defenderUnit: "Unit"
        case .defenderGender: "Gender"
        case .tlp: "TLP"
        default:
            rawValue.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// Fields whose contents could identify or locate a person.
    public var isSensitive: Bool {
        switch self {
        case .defenderRealName, .defenderContact, .placeDescription, .narrative, .safeContactChannel: true
        default: false
        }
    }

    /// Fields set once at intake and never edited afterwards.
    public var isImmutable: Bool { self == .recordedBy || self == .externalID }

    /// Fields a new report must have.
    public static let required: [ReportField] = [.title, .country, .acts]

    /// Looks a field up by its external name.
    public init?(name: String) { self.init(rawValue: name) }

    /// Splits a `;`-separated list, dropping empty items.
    public static func splitList(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
