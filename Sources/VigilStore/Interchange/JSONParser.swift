/// A strict JSON parser (RFC 8259) for one line of a JSON Lines file.
///
/// Hand-written rather than JSONDecoder or JSONSerialization because an import needs what those hide: number
/// literals as written, a column for every syntax error, and a duplicate key reported instead of one value
/// silently winning (a duplicated `narrative` would otherwise lose text).
struct JSONParser {
    /// A syntax error at a 1-based column (counted in Unicode scalars) of the line.
    struct SyntaxError: Error, Equatable {
        let column: Int
        let message: String
    }

    /// Deeper nesting than any report needs is refused, so a hostile file cannot exhaust the stack.
    static let maximumDepth = 32

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ text: Substring) { scalars = Array(text.unicodeScalars) }

    /// The one value the text holds, with nothing but whitespace around it.
    static func parse(_ text: Substring) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(text)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.current != nil { throw parser.error("unexpected text after the value") }
        return value
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func error(_ message: String) -> SyntaxError { SyntaxError(column: index + 1, message: message) }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" { index += 1 }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ message: String) throws(SyntaxError) {
        guard current == scalar else { throw error(message) }
        index += 1
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        switch current {
        case "{": return try object(depth: depth)
        case "[": return try array(depth: depth)
        case "\"": return .string(try string())
        case "t": try word("true"); return .bool(true)
        case "f": try word("false"); return .bool(false)
        case "n": try word("null"); return .null
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar): return .number(try number())
        case nil: throw error("unexpected end of line; expected a value")
        default: throw error("expected a value")
        }
    }

    private mutating func word(_ text: String) throws(SyntaxError) {
        for scalar in text.unicodeScalars { try expect(scalar, "expected a value") }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var members: [JSONValue.Member] = []
        var keys: Set<String> = []
        skipWhitespace()
        if current == "}" {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else { throw error("expected a key in double quotes") }
            let keyColumn = index + 1
            let key = try string()
            guard keys.insert(key).inserted else { throw SyntaxError(column: keyColumn, message: "key '\(key)' appears twice") }
            skipWhitespace()
            try expect(":", "expected ':' after the key")
            skipWhitespace()
            members.append(JSONValue.Member(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            if current == "," {
                index += 1
                continue
            }
            try expect("}", "expected ',' or '}'")
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == "]" {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == "," {
                index += 1
                continue
            }
            try expect("]", "expected ',' or ']'")
            return .array(items)
        }
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("unexpected end of line inside a string") }
            if scalar == "\"" {
                index += 1
                return String(out)
            }
            if scalar.value < 0x20 { throw error("a control character inside a string must be escaped") }
            if scalar == "\\" {
                out.append(try escape())
            } else {
                out.append(scalar)
                index += 1
            }
        }
    }

    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        index += 1
        guard let scalar = current else { throw error("unexpected end of line inside a string") }
        index += 1
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u": break
        default:
            index -= 2
            throw error("invalid escape '\\\(scalar)'")
        }
        let start = index - 2
        let high = try hex4()
        guard (0xD800...0xDFFF).contains(high) else { return Unicode.Scalar(high)! }
        // Characters outside the Basic Multilingual Plane come as a surrogate pair: \uD83D\uDE00.
        guard high < 0xDC00, current == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else {
            throw SyntaxError(column: start + 1, message: "a \\u escape of a lone surrogate is not a character")
        }
        index += 2
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low) else {
            throw SyntaxError(column: start + 1, message: "a \\u escape of a lone surrogate is not a character")
        }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Int(String(scalar), radix: 16) else {
                throw error("expected four hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number's literal text: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        if current == "-" { index += 1 }
        if current == "0" {
            index += 1
            if let next = current, ("0"..."9").contains(next) { throw error("a number cannot start with 0") }
        } else {
            guard digits() > 0 else { throw error("expected a digit") }
        }
        if current == "." {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if current == "e" || current == "E" {
            index += 1
            if current == "+" || current == "-" { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        var literal = String.UnicodeScalarView()
        literal.append(contentsOf: scalars[start..<index])
        return String(literal)
    }

    private mutating func digits() -> Int {
        var count = 0
        while let scalar = current, ("0"..."9").contains(scalar) {
            index += 1
            count += 1
        }
        return count
    }
}
