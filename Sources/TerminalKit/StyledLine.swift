/// One line of text made of styled spans, as `TextView`, `StatusBar` and friends draw it.
public struct StyledLine: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    /// A line of one span.
    public init(_ text: String, role: Role = .normal) {
        spans = [Span(text, role: role)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The plain text of all spans.
    public var text: String { spans.map(\.text).joined() }

    /// Columns the line occupies once drawn.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The line cut to at most `width` columns, ending in `ellipsis` (in the role of the span that was cut).
    public func truncated(to width: Int, ellipsis: String = "…") -> StyledLine {
        guard width > 0 else { return StyledLine() }
        guard self.width > width else { return self }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let showEllipsis = ellipsisWidth <= width
        var room = showEllipsis ? width - ellipsisWidth : width
        var result: [Span] = []
        var lastRole = spans.first?.role ?? .normal
        for span in spans {
            guard room > 0 else { break }
            let text = TextSanitizer.clean(span.text)
            lastRole = span.role
            let spanWidth = DisplayWidth.of(text)
            if spanWidth <= room {
                result.append(Span(text, role: span.role))
                room -= spanWidth
            } else {
                let cut = TextLayout.truncate(text, to: room, ellipsis: "")
                result.append(Span(cut, role: span.role))
                room = 0
            }
        }
        if showEllipsis { result.append(Span(ellipsis, role: lastRole)) }
        return StyledLine(result)
    }

    /// Appends a span.
    public mutating func append(_ text: String, role: Role = .normal) {
        spans.append(Span(text, role: role))
    }

    /// The line without its first `columns` columns (a wide character cut in half becomes a space), for
    /// horizontal scrolling.
    public func dropping(columns: Int) -> StyledLine {
        guard columns > 0 else { return self }
        var remaining = columns
        var result: [Span] = []
        for span in spans {
            var kept = ""
            for character in TextSanitizer.clean(span.text) {
                let w = DisplayWidth.of(character)
                if remaining >= w {
                    remaining -= w
                } else if remaining > 0 {
                    kept += String(repeating: " ", count: w - remaining)
                    remaining = 0
                } else {
                    kept.append(character)
                }
            }
            if !kept.isEmpty { result.append(Span(kept, role: span.role)) }
        }
        return StyledLine(result)
    }
}
