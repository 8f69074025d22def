import Foundation

extension Filter {
    /// Parses the filter language against a store's vocabularies; the error names the term at fault.
    public static func parse(_ text: String, vocabularies: Vocabularies = .standard) throws(FilterError) -> Filter {
        var clauses: [Clause] = []
        for term in try FilterTokenizer.terms(text) {
            guard let keyWord = term.key else {
                clauses.append(Clause(condition: .text(TextFold.fold(term.value)), negated: false))
                continue
            }
            guard let key = FilterKey(word: keyWord) else {
                throw FilterError(term: term.raw, message: "\(keyWord): unknown filter key (known: \(FilterKey.allCases.map(\.rawValue).joined(separator: ", ")))", offset: term.offset)
            }
            var value = term.value
            let negated = value.hasPrefix("!")
            if negated { value.removeFirst() }
            let values = value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            guard !values.isEmpty else {
                throw FilterError(term: term.raw, message: "\(keyWord): needs a value", offset: term.offset)
            }
            let parser = ValueParser(key: key, keyWord: keyWord, term: term, vocabularies: vocabularies)
            clauses.append(Clause(condition: try parser.condition(values), negated: negated))
        }
        return Filter(text: text.trimmingSpaces, clauses: clauses)
    }
}

/// Turns the values of one `key:value` term into a condition.
private struct ValueParser {
    let key: FilterKey
    let keyWord: String
    let term: FilterTokenizer.Term
    let vocabularies: Vocabularies

    func fail(_ message: String) -> FilterError {
        FilterError(term: term.raw, message: "\(keyWord): \(message)", offset: term.offset)
    }

    func codes(_ values: [String], _ name: VocabularyName, what: String) throws(FilterError) -> Set<String> {
        var codes: Set<String> = []
        for value in values {
            guard let term = vocabularies[name].lookup(value) else {
                throw fail("'\(value)' is not \(what) (\(vocabularies[name].codeList))")
            }
            codes.insert(term.code)
        }
        return codes
    }

    func users(_ values: [String]) -> (names: Set<String>, me: Bool, none: Bool) {
        var names: Set<String> = []
        var me = false, none = false
        for value in values {
            switch value.lowercased() {
            case "me": me = true
            case "none", "nobody": none = true
            default: names.insert(value)
            }
        }
        return (names, me, none)
    }

    func date(_ values: [String]) throws(FilterError) -> Date {
        guard values.count == 1, let date = Timestamp.parse(values[0]) else {
            throw fail("'\(values.joined(separator: ","))' is not a date like 2026-01-01")
        }
        return date
    }

    func condition(_ values: [String]) throws(FilterError) -> Filter.Condition {
        switch key {
        case .desk:
            let desks = try codes(values, .desks, what: "a desk")
            let mask = desks.compactMap { vocabularies.desks.position(of: $0) }.filter { $0 < 64 }.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            return .desk(desks, mask: mask)
        case .country:
            var codes: Set<String> = []
            for value in values {
                guard let country = vocabularies.lookupCountry(value) else { throw fail("'\(value)' is not an ISO 3166-1 code") }
                codes.insert(country.code)
            }
            return .country(codes)
        case .risk:
            var levels: Set<RiskLevel> = []
            var unassessed = false
            for value in values {
                if ["none", "unassessed"].contains(value.lowercased()) { unassessed = true; continue }
                let andAbove = value.hasSuffix("+")
                guard let level = RiskLevel(text: andAbove ? String(value.dropLast()) : value) else {
                    throw fail("'\(value)' is not a risk level (low, medium, high, critical, optionally with + for that level and above, or none)")
                }
                levels.formUnion(andAbove ? RiskLevel.allCases.filter { $0 >= level } : [level])
            }
            return .risk(levels, unassessed: unassessed)
        case .status:
            var statuses: Set<Status> = []
            for value in values {
                let lower = value.lowercased().replacingOccurrences(of: " ", with: "_")
                if lower == "open" { statuses.formUnion(Status.allCases.filter { $0 != .closed }); continue }
                guard let status = Status(rawValue: lower) else {
                    throw fail("'\(value)' is not a status (\(Status.allCases.map(\.rawValue).joined(separator: ", ")), open)")
                }
                statuses.insert(status)
            }
            return .status(statuses)
        case .assignee:
            let users = users(values)
            return .assignee(users.names, none: users.none, me: users.me)
        case .act: return .codes(.acts, try codes(values, .acts, what: "an act"))
        case .perpetrator: return .codes(.perpetrators, try codes(values, .perpetrators, what: "a perpetrator type"))
        case .sector: return .codes(.sectors, try codes(values, .sectors, what: "a sector"))
        case .channel: return .single(.intakeChannel, try codes(values, .channels, what: "a channel"))
        case .tlp: return .single(.tlp, try codes(values, .tlp, what: "a TLP label"))
        case .verification: return .single(.verification, try codes(values, .verification, what: "a verification level"))
        case .consent: return .single(.consentScope, try codes(values, .consentScopes, what: "a consent scope"))
        case .since: return .since(try date(values))
        case .until:
            // A bare date means "until the end of that day", as `since:` means "from its start".
            let end = try date(values)
            return .until(values[0].count == 10 ? end.addingTimeInterval(86_400) : end)
        case .overdue:
            switch values.map({ $0.lowercased() }) {
            case ["yes"], ["true"], ["y"]: return .overdue(true)
            case ["no"], ["false"], ["n"]: return .overdue(false)
            default: throw fail("'\(values.joined(separator: ","))' is not yes or no")
            }
        case .id:
            var ids: Set<String> = []
            for value in values {
                guard let id = ReportID.normalise(value) else { throw fail("'\(value)' is not a report id like R-2026-00042") }
                ids.insert(id)
            }
            return .ids(ids)
        case .text: return .text(TextFold.fold(values.joined(separator: ",")))
        case .escalatedTo:
            let users = users(values)
            return .escalatedTo(users.names, me: users.me)
        case .recordedBy:
            let users = users(values)
            return .recordedBy(users.names, me: users.me)
        case .externalID: return .externalID(Set(values))
        case .mentions:
            let users = users(values)
            return .mentions(Set(users.names.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }), me: users.me)
        }
    }
}
