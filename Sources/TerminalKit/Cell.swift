/// One terminal column: a grapheme and its role.
///
/// A double-width character occupies two cells: the leading cell holds the character and the trailing cell is a
/// continuation cell (`isContinuation`, character `" "`, same role) that backends skip.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown in this column (`" "` for blank and continuation cells).
    public var character: Character
    /// The semantic role that decides the cell's attributes.
    public var role: Role
    /// True for the trailing half of a double-width character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: Role = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    /// A space in the normal role.
    public static let blank = Cell()

    /// The continuation cell that follows a wide character in `role`.
    public static func continuation(role: Role) -> Cell {
        Cell(" ", role: role, isContinuation: true)
    }

    /// Columns this cell's character spans: 0 for a continuation cell, else 1 or 2.
    public var width: Int {
        isContinuation ? 0 : max(1, DisplayWidth.of(character))
    }
}
