import Foundation
import Testing
import VigilCore

@Suite struct FieldValidatorTests {
    private let validator = FieldValidator()

    private func normalised(_ field: ReportField, _ text: String) -> String? {
        try? validator.normalise(field, text).get()
    }

    private func problem(_ field: ReportField, _ text: String) -> String? {
        switch validator.normalise(field, text) {
        case .success: nil
        case .failure(let error): error.description
        }
    }

    @Test func codesAreFoundByCodeOrLabelIgnoringCaseAndAccents() {
        #expect(normalised(.intakeChannel, "hotline") == "hotline")
        #expect(normalised(.intakeChannel, "Secure form") == "secure_form")
        #expect(normalised(.intakeChannel, "  SECURE_FORM ") == "secure_form")
        #expect(normalised(.tlp, "TLP:RED") == "red")
        #expect(normalised(.tlp, "Amber") == "amber")
        #expect(normalised(.sourceReliability, "highly_reliable") == "highly_reliable")
        #expect(problem(.tlp, "purple") == "tlp: 'purple' is not one of clear, green, amber, red")
    }

    @Test func listsAreSplitOnSemicolonOrCommaAndDeduplicated() {
        #expect(normalised(.acts, "threat; Death threat,threat ;; killing") == "threat;death_threat;killing")
        #expect(normalised(.sectors, "Land, environment") == "land;environment")
        #expect(problem(.acts, "threat;haunting")?.hasPrefix("acts: 'haunting' is not one of threat, death_threat,") == true)
    }

    @Test func countriesByCodeOrName() {
        #expect(normalised(.country, "in") == "IN")
        #expect(normalised(.country, "IN") == "IN")
        #expect(normalised(.country, "India") == "IN")
        #expect(normalised(.country, "cote d'ivoire") == "CI")
        #expect(normalised(.country, "Côte d'Ivoire") == "CI")
        #expect(problem(.country, "XX") == "country: 'XX' is not an ISO 3166-1 code")
        #expect(problem(.country, "Narnia") == "country: 'Narnia' is not an ISO 3166-1 code")
    }

    @Test func desksByCodeOrLabel() {
        #expect(normalised(.deskOverride, "South Asia") == "south_asia")
        #expect(normalised(.deskOverride, "mena") == "mena")
        #expect(normalised(.deskOverride, "middle east & north africa") == "mena")
        #expect(problem(.deskOverride, "Atlantis")?.hasPrefix("region_override: 'Atlantis' is not a desk (east_africa,") == true)
    }

    @Test func lines() {
        #expect(normalised(.title, "  Death threat  ") == "Death threat")
        #expect(problem(.title, "two\nlines") == "title: must be one line")
        #expect(normalised(.title, String(repeating: "x", count: 200)) != nil)
        #expect(problem(.title, String(repeating: "x", count: 201)) == "title: is 201 characters long; at most 200")
        #expect(problem(.defenderPseudonym, String(repeating: "é", count: 81)) == "defender_pseudonym: is 81 characters long; at most 80")
    }

    @Test func paragraphsKeepTheirSpacing() {
        #expect(normalised(.narrative, "  first line\n\n  second\n") == "  first line\n\n  second\n")
        #expect(problem(.narrative, String(repeating: "x", count: 100_001)) == "narrative: is longer than 100000 characters")
    }

    @Test func emptyTextIsAcceptedHere() {
        for field in ReportField.allCases {
            #expect(normalised(field, "") == "", "\(field)")
            // Paragraphs are kept as typed; every other kind is trimmed.
            #expect(normalised(field, "  ") == (field.kind == .paragraph ? "  " : ""), "\(field)")
        }
    }

    @Test func incidentDates() {
        #expect(normalised(.incidentDate, "2026-03-14") == "2026-03-14")
        #expect(normalised(.incidentDate, "2026-03") == "2026-03")
        #expect(normalised(.incidentDate, "2026") == "2026")
        #expect(problem(.incidentDate, "14/03/2026") == "incident_date: '14/03/2026' is not a date like 2026-03-14, 2026-03 or 2026")
        #expect(problem(.incidentDate, "2026-02-30") != nil)
    }

    @Test func timestampsAreNormalisedToUTC() {
        #expect(normalised(.receivedAt, "2026-05-28T22:26:40+02:00") == "2026-05-28T20:26:40Z")
        #expect(normalised(.receivedAt, "2026-05-28") == "2026-05-28T00:00:00Z")
        #expect(problem(.receivedAt, "tomorrow") == "received_at: 'tomorrow' is not a time like 2026-03-14T09:30:00Z")
    }

    // MARK: whole reports

    @Test func aCompleteReport() throws {
        let fields = try validator.fields(from: [
            .title: "Death threat by SMS", .country: "Brazil", .acts: "Death threat", .incidentDate: "2026-05",
            .sectors: "land;indigenous_peoples", .perpetrators: "landowner", .perpetratorInvolvement: "suspected",
            .intakeChannel: "messenger", .receivedAt: "2026-05-28T20:26:40Z", .defenderPseudonym: "Jaguar",
        ]).get()
        #expect(fields.title == "Death threat by SMS")
        #expect(fields.country == "BR")
        #expect(fields.acts == ["death_threat"])
        #expect(fields.incidentDatePrecision == "month")
        #expect(fields.sectors == ["land", "indigenous_peoples"])
        #expect(fields.receivedAt == fixedNow)
        #expect(fields.tlp == "amber")
        #expect(fields.verification == "unverified")
    }

    @Test func requiredFields() {
        let failure = validator.fields(from: [:])
        #expect(failure == .failure(ValidationFailure([
            FieldError(field: "title", message: "is required"),
            FieldError(field: "country", message: "is required"),
            FieldError(field: "acts", message: "at least one act is required"),
        ])))
        #expect(ReportField.required == [.title, .country, .acts])
    }

    @Test func everyProblemIsCollectedOncePerField() throws {
        let result = validator.fields(from: [.title: "a\nb", .country: "XX", .acts: "", .tlp: "purple"])
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.errors.map(\.field) == ["title", "country", "tlp", "acts"])
        #expect(failure.description == """
            title: must be one line
            country: 'XX' is not an ISO 3166-1 code
            tlp: 'purple' is not one of clear, green, amber, red
            acts: at least one act is required
            """)
    }

    @Test func precisionMustMatchTheDate() throws {
        let base: [ReportField: String] = [.title: "t", .country: "IN", .acts: "threat"]
        let mismatch = validator.fields(from: base.merging([.incidentDate: "2026-03", .incidentDatePrecision: "exact"]) { $1 })
        #expect(mismatch == .failure(ValidationFailure([FieldError(field: "incident_date_precision",
                                                                   message: "'exact' does not match the date '2026-03' (month)")])))
        let unknown = try validator.fields(from: base.merging([.incidentDate: "2026", .incidentDatePrecision: "unknown"]) { $1 }).get()
        #expect(unknown.incidentDatePrecision == "unknown")
        let implied = try validator.fields(from: base.merging([.incidentDate: "2026-03-14"]) { $1 }).get()
        #expect(implied.incidentDatePrecision == "exact")
        let noDate = try validator.fields(from: base).get()
        #expect(noDate.incidentDatePrecision == "")
    }

    @Test func editsStartFromTheBase() throws {
        let base = try validFields([.title: "Old", .incidentDate: "2026-03-14", .tlp: "red"])
        let edited = try validator.fields(from: [.title: "New"], base: base).get()
        #expect(edited.title == "New")
        #expect(edited.tlp == "red")
        #expect(edited.incidentDate == "2026-03-14")
        #expect(edited.incidentDatePrecision == "exact")
        // A new date alone brings its own precision; an explicit precision must match it.
        #expect(try validator.fields(from: [.incidentDate: "2026"], base: base).get().incidentDatePrecision == "year")
        #expect(try validator.fields(from: [.incidentDate: "2026", .incidentDatePrecision: "unknown"], base: base).get()
            .incidentDatePrecision == "unknown")
        #expect(throws: ValidationFailure.self) {
            try validator.fields(from: [.incidentDate: "2026", .incidentDatePrecision: "month"], base: base).get()
        }
        // Clearing the labels brings back their defaults.
        let cleared = try validator.fields(from: [.tlp: "", .verification: ""], base: base).get()
        #expect(cleared.tlp == "amber")
        #expect(cleared.verification == "unverified")
    }

    // MARK: ReportFields and ReportField

    @Test func textAndSetRoundTripForEveryField() throws {
        let fields = try validator.fields(from: [
            .title: "Title", .externalID: "EXT", .receivedAt: "2026-05-28T20:26:40Z", .recordedBy: "olga",
            .intakeChannel: "email", .sourceRelation: "self", .sourceReliability: "unknown", .consentScope: "none",
            .safeContactChannel: "Signal after 6pm", .defenderPseudonym: "Kestrel", .defenderRealName: "R",
            .defenderContact: "+00", .defenderUnit: "individual", .sectors: "land;legal", .incidentDate: "2026-05",
            .country: "IN", .deskOverride: "europe", .adminArea: "Odisha", .placeDescription: "near the river",
            .acts: "threat;raid", .perpetrators: "police", .perpetratorInvolvement: "confirmed", .narrative: "Text.",
            .tlp: "green", .verification: "likely",
        ]).get()
        var copy = ReportFields()
        for field in ReportField.allCases { copy.set(field, text: fields.text(field)) }
        #expect(copy == fields)
        #expect(fields.text(.sectors) == "land;legal")
        #expect(fields.text(.receivedAt) == "2026-05-28T20:26:40Z")
        #expect(fields.text(.incidentDatePrecision) == "month")
    }

    @Test func fieldNamesAndKinds() {
        #expect(ReportField(name: "defender_pseudonym") == .defenderPseudonym)
        #expect(ReportField(name: "region_override") == .deskOverride)
        #expect(ReportField(name: "nope") == nil)
        #expect(Set(ReportField.allCases.map(\.name)).count == ReportField.allCases.count)
        #expect(ReportField.allCases.filter(\.isSensitive)
            == [.safeContactChannel, .defenderRealName, .defenderContact, .placeDescription, .narrative])
        #expect(ReportField.allCases.filter(\.isImmutable) == [.externalID, .recordedBy])
        #expect(ReportField.acts.kind == .codes(.acts))
        #expect(ReportField.country.kind == .country)
        #expect(ReportField.title.label == "Title")
        #expect(ReportField.incidentDate.label == "Incident date")
        #expect(ReportField.tlp.label == "TLP")
        #expect(ReportField.splitList(" a ;; b;") == ["a", "b"])
        #expect(ReportField.splitList("") == [])
    }

    @Test func everyCodedFieldNamesAShippedVocabulary() {
        for field in ReportField.allCases {
            switch field.kind {
            case .code(let name), .codes(let name):
                #expect(!Vocabularies.standard[name].terms.isEmpty, "\(field) uses an empty vocabulary")
            default: break
            }
        }
    }
}
