extension Grid {
    /// The runs of cells that differ from `old`, row by row, widened so wide characters stay whole.
    ///
    /// When the sizes differ every row is reported in full. Applying the runs to `old` yields `self`.
    public func diff(from old: Grid) -> [GridChange] {
        guard old.width == width, old.height == height else {
            return (0..<height).compactMap { y in
                width == 0 ? nil : GridChange(y: y, x: 0, cells: Array(cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var changes: [GridChange] = []
        for y in 0..<height {
            let row = y * width
            var x = 0
            while x < width {
                guard cells[row + x] != old.cells[row + x] else {
                    x += 1
                    continue
                }
                var start = x
                var end = x + 1
                while end < width, cells[row + end] != old.cells[row + end] { end += 1 }
                // Widen to whole characters in both grids: a half-changed wide character is rewritten whole.
                while start > 0, cells[row + start].isContinuation || old.cells[row + start].isContinuation {
                    start -= 1
                }
                while end < width, cells[row + end].isContinuation || old.cells[row + end].isContinuation {
                    end += 1
                }
                if let last = changes.last, last.y == y, last.x + last.width >= start {
                    // Widening made this run touch the previous one: merge them.
                    changes[changes.count - 1].cells = Array(cells[(row + last.x)..<(row + end)])
                } else {
                    changes.append(GridChange(y: y, x: start, cells: Array(cells[(row + start)..<(row + end)])))
                }
                x = end
            }
        }
        return changes
    }

    /// A copy with `changes` written over it (what a terminal shows after receiving them).
    public func applying(_ changes: [GridChange]) -> Grid {
        var grid = self
        for change in changes {
            for (offset, cell) in change.cells.enumerated() {
                let x = change.x + offset
                guard x >= 0, x < width, change.y >= 0, change.y < height else { continue }
                grid.cells[change.y * width + x] = cell
            }
        }
        return grid
    }
}
