import Foundation

/// Case- and accent-insensitive text folding, the one rule every search and lookup uses.
public enum TextFold {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
