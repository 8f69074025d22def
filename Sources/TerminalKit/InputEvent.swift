/// Something the terminal reported: a key, a new size, a mouse action, or a timeout tick.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// The read timed out with nothing to report (time for clocks and change feeds).
    case tick
}
