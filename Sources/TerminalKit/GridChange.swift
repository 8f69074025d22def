/// A run of changed cells on one row, as `Grid.diff(from:)` reports them.
///
/// A run never starts on a continuation cell and never ends on the leading half of a wide character, so a
/// backend can write its cells in order (skipping continuation cells) without splitting a character.
public struct GridChange: Sendable, Hashable {
    /// The row.
    public var y: Int
    /// The first column of the run.
    public var x: Int
    /// The new cells, left to right from `x`.
    public var cells: [Cell]

    public init(y: Int, x: Int, cells: [Cell]) {
        self.y = y
        self.x = x
        self.cells = cells
    }

    /// Columns covered by the run.
    public var width: Int { cells.count }
}
