import CNcurses
import TerminalKit

/// Turns what `get_wch` returned into a `Key`.
enum NcursesKeyDecoder {
    /// The key for a character code (`get_wch` returned OK), or nil for one that cannot be a key.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code + 96))))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(code + 64))))
        default:
            guard let scalar = Unicode.Scalar(code), !(0x80...0x9F).contains(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The key for a function-key code (`get_wch` returned KEY_CODE_YES), or nil for codes with no `Key`.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_F0...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
