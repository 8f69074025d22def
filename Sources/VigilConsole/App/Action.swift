import Foundation
import TerminalKit
import VigilCore

/// Everything that can happen to the console: keys (resolved through the keymap), results of effects,
/// store changes from other processes, the clock and the terminal.
public enum Action: Sendable {
    case key(Key)
    case named(ActionName)
    case resize(width: Int, height: Int)
    case tick(Date)
    case mouse(MouseEvent)
    /// The store's fold after our own or another process's appends.
    case storeChanged(DeskState)
    /// The change feed could not read what others appended (damage, or this user was removed): said once.
    case feedFailed(String)
    case historyLoaded(id: String, version: Int64, events: [Event])
    case commandSucceeded(message: String, desk: DeskState)
    case commandFailed(DeskErrorMessage)
    case editorFinished(fieldID: String, text: String?)
    /// The lock screen's passphrase was right (true) or not.
    case unlockChecked(Bool)
    /// Who else has which report open (report id -> users), from the presence table.
    case presenceChanged([String: [String]])
}

/// A refusal from the store, with the field errors split out so forms can show them at the field.
public struct DeskErrorMessage: Sendable, Equatable {
    public var message: String
    public var fieldErrors: [FieldError]
    /// Someone else changed the report first.
    public var isConflict: Bool
    /// On a conflict, the report's history as it now stands, to say what changed.
    public var history: [Event]

    public init(message: String, fieldErrors: [FieldError] = [], isConflict: Bool = false, history: [Event] = []) {
        self.message = message
        self.fieldErrors = fieldErrors
        self.isConflict = isConflict
        self.history = history
    }
}
