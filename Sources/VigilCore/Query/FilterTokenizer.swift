/// Splits filter text into terms: `key:value`, `key:"quoted value"`, bare words and `"quoted phrases"`.
struct FilterTokenizer {
    struct Term: Equatable {
        var key: String?
        var value: String
        var raw: String
        var offset: Int
    }

    static func terms(_ text: String) throws(FilterError) -> [Term] {
        var terms: [Term] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index].isWhitespace { index += 1; continue }
            let start = index
            var key: String?
            var value = ""
            var inQuotes = false
            var sawQuote = false
            while index < characters.count {
                let character = characters[index]
                if character == "\"" {
                    inQuotes.toggle()
                    sawQuote = true
                } else if !inQuotes && character.isWhitespace {
                    break
                } else if !inQuotes && character == ":" && key == nil && !sawQuote && !value.isEmpty {
                    key = value
                    value = ""
                } else {
                    value.append(character)
                }
                index += 1
            }
            let raw = String(characters[start..<index])
            if inQuotes {
                throw FilterError(term: raw, message: "\(raw): the quote is never closed", offset: start)
            }
            terms.append(Term(key: key, value: value, raw: raw, offset: start))
        }
        return terms
    }
}
