/// The controlled vocabularies of a store, each backed by a file in Resources/.
public enum VocabularyName: String, CaseIterable, Codable, Sendable {
    case desks, acts, perpetrators, sectors, channels
    case sourceRelations = "source_relations"
    case reliability
    case consentScopes = "consent_scopes"
    case units, genders
    case datePrecisions = "date_precisions"
    case involvement, tlp, verification
    case closingReasons = "closing_reasons"
    case patterns

    /// The Resources/ file holding it.
    public var fileName: String { rawValue + ".tsv" }
}
