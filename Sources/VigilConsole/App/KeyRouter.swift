import TerminalKit
import VigilCore

/// Sends a key to whatever has it first: an overlay, a prompt, a form, else the keymap.
enum KeyRouter {
    static func route(_ state: inout AppState, _ key: Key) -> [Effect] {
        state.lastInput = state.now
        if state.locked { return LockScreen.key(&state, key) }
        if let overlay = state.overlay { return overlayKey(&state, overlay, key) }
        if state.prompt != nil { return PromptKeys.handle(&state, key) }
        if state.form != nil { return formKey(&state, key) }
        guard let name = state.keymap.action(for: key) else {
            state.message = StatusMessage("\(key.name) is not bound; press \(state.keymap.label(for: .help)) for help", isError: true)
            return []
        }
        return NamedActions.run(&state, name)
    }

    private static func overlayKey(_ state: inout AppState, _ overlay: OverlayState, _ key: Key) -> [Effect] {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .character("j"), .down: state.overlay = .help(scroll: scroll + 1)
            case .character("k"), .up: state.overlay = .help(scroll: max(scroll - 1, 0))
            case .pageDown, .character(" "), .ctrl("d"): state.overlay = .help(scroll: scroll + 10)
            case .pageUp, .ctrl("u"): state.overlay = .help(scroll: max(scroll - 10, 0))
            case .character("g"), .home: state.overlay = .help(scroll: 0)
            case .ctrl("c"): state.overlay = nil; return NamedActions.run(&state, .quit)
            default: state.overlay = nil
            }
            return []
        case .info(let title, let lines, let scroll):
            switch key {
            case .character("j"), .down: state.overlay = .info(title: title, lines: lines, scroll: scroll + 1)
            case .character("k"), .up: state.overlay = .info(title: title, lines: lines, scroll: max(scroll - 1, 0))
            case .pageDown, .character(" "): state.overlay = .info(title: title, lines: lines, scroll: scroll + 10)
            case .pageUp: state.overlay = .info(title: title, lines: lines, scroll: max(scroll - 10, 0))
            default: state.overlay = nil
            }
            return []
        case .confirm(_, let yes):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                switch yes {
                case .quit:
                    state.shouldQuit = true
                    return [.quit]
                case .discardForm:
                    state.form = nil
                    state.message = StatusMessage("changes discarded")
                case .performAll(let commands, let message):
                    return [.performAll(commands, message: message)]
                }
            default:
                state.overlay = nil
            }
            return []
        }
    }

    private static func formKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        if key == .ctrl("c") { return NamedActions.run(&state, .quit) }
        let outcome = form.handle(key)
        state.form = form
        switch outcome {
        case .handled, .ignored:
            return []
        case .cancel:
            if form.isDirty {
                state.overlay = .confirm(question: "Discard the changes to this form? (y/n)", yes: .discardForm)
            } else {
                state.form = nil
            }
            return []
        case .editExternally(let fieldID, let text):
            return [.editExternally(fieldID: fieldID, text: text)]
        case .submit:
            if form.kind == .views {
                SavedViews.show(&state, code: form.value("view"))
                return []
            }
            switch form.command(desk: state.desk) {
            case .success(let (command, _)) where !form.bulkTargets.isEmpty:
                BulkActions.confirm(&state, form.bulkTargets.map { command.retargeted(to: $0) }, verb: BulkActions.verb(form.kind))
                return []
            case .success(let (.addUser(user), message)) where state.session.sealed:
                state.form?.formError = nil
                return [.addUser(user, passphrase: form.value("passphrase"), message: message)]
            case .success(let (command, message)):
                state.form?.formError = nil
                return [.perform(command, message: message)]
            case .failure(let failure):
                state.form?.show(failure.errors, message: "fix the fields marked below; nothing was saved")
                return []
            }
        }
    }
}
