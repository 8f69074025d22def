/// Checks and normalises field text against the vocabularies, the country list and the desks.
public struct FieldValidator: Sendable {
    public let vocabularies: Vocabularies

    public init(vocabularies: Vocabularies = .standard) { self.vocabularies = vocabularies }

    /// The normalised text for a field (codes lower-cased, countries upper-cased, lists de-duplicated),
    /// or the problem with it. Empty text is accepted here; required fields are checked by `validate(fields:)`.
    public func normalise(_ field: ReportField, _ raw: String) -> Result<String, FieldError> {
        let text = field.kind == .paragraph ? raw : raw.trimmingSpaces
        if text.isEmpty { return .success("") }
        func fail(_ message: String) -> Result<String, FieldError> { .failure(FieldError(field: field.name, message: message)) }
        switch field.kind {
        case .line(let maxLength):
            if text.contains(where: \.isNewline) { return fail("must be one line") }
            if text.count > maxLength { return fail("is \(text.count) characters long; at most \(maxLength)") }
            return .success(text)
        case .paragraph:
            if text.count > 100_000 { return fail("is longer than 100000 characters") }
            return .success(text)
        case .code(let name):
            let vocabulary = vocabularies[name]
            guard let term = vocabulary.lookup(text) else {
                return fail("'\(text)' is not one of \(vocabulary.codeList)")
            }
            return .success(term.code)
        case .codes(let name):
            let vocabulary = vocabularies[name]
            var codes: [String] = []
            for item in ReportField.splitList(text.replacingOccurrences(of: ",", with: ";")) {
                guard let term = vocabulary.lookup(item) else {
                    return fail("'\(item)' is not one of \(vocabulary.codeList)")
                }
                if !codes.contains(term.code) { codes.append(term.code) }
            }
            return .success(codes.joined(separator: ";"))
        case .country:
            guard let country = vocabularies.country(text) ?? (text.count > 2 ? vocabularies.lookupCountry(text) : nil) else {
                return fail("'\(text)' is not an ISO 3166-1 code")
            }
            return .success(country.code)
        case .desk:
            guard let desk = vocabularies.desks.lookup(text) else {
                return fail("'\(text)' is not a desk (\(vocabularies.desks.codeList))")
            }
            return .success(desk.code)
        case .incidentDate:
            guard IncidentDate.precision(of: text) != nil else {
                return fail("'\(text)' is not a date like 2026-03-14, 2026-03 or 2026")
            }
            return .success(text)
        case .timestamp:
            guard let date = Timestamp.parse(text) else {
                return fail("'\(text)' is not a time like 2026-03-14T09:30:00Z")
            }
            return .success(Timestamp.format(date))
        }
    }

    /// Problems that only show across fields of a whole report: required fields and date precision.
    public func crossCheck(_ fields: ReportFields) -> [FieldError] {
        var errors: [FieldError] = []
        if fields.title.isEmpty { errors.append(FieldError(field: "title", message: "is required")) }
        if fields.country.isEmpty { errors.append(FieldError(field: "country", message: "is required")) }
        if fields.acts.isEmpty { errors.append(FieldError(field: "acts", message: "at least one act is required")) }
        if !fields.incidentDate.isEmpty, !fields.incidentDatePrecision.isEmpty,
           fields.incidentDatePrecision != "unknown",
           let implied = IncidentDate.precision(of: fields.incidentDate), implied != fields.incidentDatePrecision {
            errors.append(FieldError(field: "incident_date_precision",
                                     message: "'\(fields.incidentDatePrecision)' does not match the date '\(fields.incidentDate)' (\(implied))"))
        }
        return errors
    }

    /// Builds report fields from text values (as typed, imported or given on the command line),
    /// collecting every problem rather than stopping at the first.
    public func fields(from values: [ReportField: String], base: ReportFields = ReportFields()) -> Result<ReportFields, ValidationFailure> {
        var fields = base
        var errors: [FieldError] = []
        for field in ReportField.allCases {
            guard let raw = values[field] else { continue }
            switch normalise(field, raw) {
            case .success(let text): fields.set(field, text: text)
            case .failure(let error): errors.append(error)
            }
        }
        // A precision not given follows the date, also when an edit changes the date alone.
        let datePrecisionGiven = !(values[.incidentDatePrecision] ?? "").trimmingSpaces.isEmpty
        if fields.incidentDatePrecision.isEmpty || (values[.incidentDate] != nil && !datePrecisionGiven),
           let implied = IncidentDate.precision(of: fields.incidentDate) {
            fields.incidentDatePrecision = implied
        }
        let present = Set(errors.map(\.field))
        errors += crossCheck(fields).filter { !present.contains($0.field) }
        return errors.isEmpty ? .success(fields) : .failure(ValidationFailure(errors))
    }
}
