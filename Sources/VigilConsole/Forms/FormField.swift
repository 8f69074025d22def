import Foundation
import TerminalKit
import VigilCore

/// One field of a form: text, multi-line text, a pick list from a vocabulary (type to narrow), a 1..5 scale or
/// a yes/no toggle.
public struct FormField: Sendable {
    /// The shape of input the field takes.
    public enum Kind: Sendable, Equatable {
        case text
        /// A passphrase: edited like text, shown as one mask character per character typed.
        case secret
        case multiline
        case pick(options: [Term], multiple: Bool)
        case scale
        case toggle
    }

    /// The key the field's value and errors go by (a report field name, or `threat`, `reason`, ...).
    public let id: String
    public let label: String
    public var kind: Kind
    public var required: Bool
    /// Text of text fields, or the narrowing query of a pick list.
    public var editor = LineEditor()
    public var picked: [String] = []
    public var highlight = 0
    public var scale = 3
    public var toggle = false
    public var error: String?
    public var hint: String?

    public init(id: String, label: String, kind: Kind, required: Bool = false, value: String = "", hint: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
        setValue(value)
    }

    /// The value as text: the typed text, picked codes joined with `;`, the scale number, or yes/no.
    public var value: String {
        switch kind {
        case .text, .secret, .multiline: editor.text
        case .pick: picked.joined(separator: ";")
        case .scale: String(scale)
        case .toggle: toggle ? "yes" : "no"
        }
    }

    public mutating func setValue(_ text: String) {
        switch kind {
        case .text, .secret: editor = LineEditor(text)
        case .multiline: editor = LineEditor(text, allowsNewlines: true)
        case .pick: picked = text.split(separator: ";").map(String.init).filter { !$0.isEmpty }
        case .scale: scale = Int(text).map { min(max($0, 1), 5) } ?? 3
        case .toggle: toggle = text == "yes" || text == "true"
        }
    }

    /// The options left after typing: matching code, label or (for countries) name, ignoring case and accents.
    public var narrowed: [Term] {
        guard case .pick(let options, _) = kind else { return [] }
        let query = TextFold.fold(editor.text.trimmingCharacters(in: .whitespaces))
        guard !query.isEmpty else { return options }
        let starts = options.filter { TextFold.fold($0.code).hasPrefix(query) || TextFold.fold($0.label).hasPrefix(query) }
        let contains = options.filter { term in
            !starts.contains(term) && (TextFold.fold(term.label).contains(query) || TextFold.fold(term.code).contains(query))
        }
        return starts + contains
    }

    /// Handles a key the field understands; false when the key is for the form (move, save, cancel).
    public mutating func handle(_ key: Key) -> Bool {
        error = nil
        switch kind {
        case .text, .secret, .multiline:
            if key == .enter && kind != .multiline { return false }
            return editor.handle(key)
        case .scale:
            switch key {
            case .left, .character("-"), .character("h"): scale = max(1, scale - 1)
            case .right, .character("+"), .character("l"): scale = min(5, scale + 1)
            case .character(let c) where ("1"..."5").contains(c): scale = Int(String(c))!
            default: return false
            }
            return true
        case .toggle:
            switch key {
            case .character(" "), .character("y"), .character("n"), .left, .right:
                toggle = key == .character("y") ? true : key == .character("n") ? false : !toggle
                return true
            default: return false
            }
        case .pick(_, let multiple):
            let options = narrowed
            switch key {
            case .down: highlight = min(highlight + 1, max(options.count - 1, 0))
            case .up: highlight = max(highlight - 1, 0)
            case .character(" ") where multiple, .enter:
                guard options.indices.contains(highlight) else { return key != .enter }
                let code = options[highlight].code
                if multiple {
                    if let index = picked.firstIndex(of: code) { picked.remove(at: index) } else { picked.append(code) }
                    editor.clear()
                    highlight = 0
                    return true
                }
                picked = [code]
                editor.clear()
                highlight = 0
                return false
            case .backspace where editor.isEmpty && !picked.isEmpty:
                picked.removeLast()
            default:
                guard editor.handle(key) else { return false }
                highlight = 0
            }
            return true
        }
    }

    /// Lines the field takes on screen (label, value area, error).
    public var height: Int {
        switch kind {
        case .multiline: 5
        case .pick: 4
        default: 2
        }
    }
}

extension FormField {
    /// The label of a picked code, for display.
    public func pickedLabels() -> [String] {
        guard case .pick(let options, _) = kind else { return [] }
        return picked.map { code in options.first { $0.code == code }?.label ?? code }
    }
}
