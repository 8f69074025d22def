/// A table column: its header, how wide it is, and how its text is aligned.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Length
    public var align: TextAlignment

    public init(_ title: String, width: Length = .flex(), align: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.align = align
    }
}
