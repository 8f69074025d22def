import Foundation
import TerminalKit
import VigilCore

/// What each named action does to the state, and the effects it asks for.
enum NamedActions {
    static func run(_ state: inout AppState, _ name: ActionName) -> [Effect] {
        if name.writes && !state.canWrite {
            let who = state.user.map { "\(state.session.user) is \($0.role.withArticle)" } ?? "\(state.session.user) is not on the roster"
            // Name the role the workflow table gives the move (approve, return, reopen, assign: supervisors).
            let supervisorsOnly: Set<ActionName> = [.approve, .return, .reopen, .assign]
            let may = supervisorsOnly.contains(name) ? "a supervisor" : "an officer or a supervisor"
            state.message = StatusMessage("read-only: only \(may) may \(name.rawValue) (\(who))", isError: true)
            return []
        }
        let layout = ConsoleLayout(state)
        if !state.marked.isEmpty, BulkActions.verbs[name] != nil { return BulkActions.start(&state, name) }
        switch name {
        case .down: move(&state, 1, layout)
        case .up: move(&state, -1, layout)
        case .top: move(&state, -1_000_000_000, layout)
        case .bottom: move(&state, 1_000_000_000, layout)
        case .pageDown: move(&state, layout.listRows, layout)
        case .pageUp: move(&state, -layout.listRows, layout)
        case .halfDown: move(&state, max(layout.listRows / 2, 1), layout)
        case .halfUp: move(&state, -max(layout.listRows / 2, 1), layout)
        case .nextPane: cyclePane(&state, 1)
        case .previousPane: cyclePane(&state, -1)
        case .showPane:
            state.narrowPane = state.narrowPane == .list ? .detail : .list
            state.focus = state.narrowPane
        case .open: return open(&state)
        case .back:
            if !state.marked.isEmpty && state.focus != .detail {
                state.marked = []
                state.message = StatusMessage("marks cleared")
                return []
            }
            if state.focus == .detail {
                state.focus = .list
                if state.paneCount == 1 { state.narrowPane = .list }
            } else if state.screen != .triage {
                state.screen = .triage
            }
            state.message = nil
        case .quit:
            if state.form?.isDirty == true {
                state.overlay = .confirm(question: "A form has unsaved changes. Quit anyway? (y/n)", yes: .quit)
                return []
            }
            state.shouldQuit = true
            return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .filter:
            // The "mine" queue is an either-or the filter language cannot spell; start from its nearest form.
            state.prompt = Prompt(kind: .filter, text: state.activeQueue == .mine ? "assignee:me status:!closed" : state.filter.text)
        case .command: state.prompt = Prompt(kind: .command)
        case .search: state.prompt = Prompt(kind: .search, text: state.lastSearch ?? "")
        case .searchNext: return search(&state, forward: true, includeCurrent: false)
        case .searchPrevious: return search(&state, forward: false, includeCurrent: false)
        case .clearFilter:
            state.filter = .all
            state.activeQueue = nil
            state.refreshLists(queues: false)
            state.message = StatusMessage("filter cleared: \(state.triage.rows.count) reports")
        case .sort:
            let order: [VigilCore.SortOrder.Key] = [.due, .received, .risk, .updated, .id]
            let next = order[((order.firstIndex(of: state.sort.key) ?? 0) + 1) % order.count]
            state.sort = VigilCore.SortOrder(key: next)
            state.refreshLists(queues: false)
            state.message = StatusMessage("sorted by \(state.sort.description) (overdue first)")
        case .triage: state.screen = .triage; state.focus = .list
        case .queue: state.screen = .queue; state.focus = .list
        case .stats:
            state.screen = .stats
            state.detailScroll = 0
            state.refreshLists(queues: false)
        case .toggleMouse:
            state.mouseEnabled.toggle()
            state.message = StatusMessage("mouse \(state.mouseEnabled ? "on: click selects, wheel scrolls" : "off")")
            return [.setMouse(state.mouseEnabled)]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .new:
            state.form = FormFactory.intake(state.desk)
        case .views:
            guard !state.desk.views.filter({ $0.owner == nil || $0.owner == state.session.user }).isEmpty else {
                state.message = StatusMessage("no saved views yet: :save NAME saves the current filter and sort")
                return []
            }
            state.form = FormFactory.views(state.desk, user: state.session.user)
        case .lock: return LockScreen.lock(&state)
        case .panic: return [.panic]
        case .privacy:
            state.privacy.toggle()
            state.message = StatusMessage(state.privacy ? "privacy on: real names, contacts and places masked" : "privacy off")
        case .reveal: return Privacy.startReveal(&state)
        case .queueMine: open(&state, .mine)
        case .queueNew: open(&state, .new)
        case .queueOverdue: open(&state, .overdue)
        case .queueReassess: open(&state, .reassess)
        case .queueClosed: open(&state, .closed)
        case .widen: widen(&state)
        case .mark:
            guard let id = state.list.current?.report.id else { return [] }
            if state.marked.remove(id) == nil { state.marked.insert(id) }
            move(&state, 1, layout)
            state.message = StatusMessage("\(state.marked.count) marked")
        case .markAll:
            let listed = Set(state.list.rows.map(\.report.id))
            state.marked = state.marked.isSuperset(of: listed) ? [] : listed
            state.message = StatusMessage("\(state.marked.count) marked")
        case .take, .assign, .assess, .escalate, .approve, .return, .respond, .monitor, .retriage, .comment, .edit,
             .close, .reopen, .duplicates, .label, .linkDuplicate:
            return onReport(&state, name)
        }
        return []
    }

    /// Shows a standing queue in the triage list.
    private static func open(_ state: inout AppState, _ queue: WorkQueue) {
        let query = queue.query(for: state.user, vocabularies: state.desk.vocabularies)
        state.screen = .triage
        state.focus = .list
        state.filter = query.filter
        state.sort = query.sort
        state.activeQueue = queue
        state.triage.select(0)
        state.refreshLists(queues: false)
        state.message = StatusMessage("\(queue.title): \(state.triage.rows.count) reports")
    }

    /// An officer's list opens on their desks; one key widens it to every desk and back.
    private static func widen(_ state: inout AppState) {
        guard let user = state.user, user.role == .officer, !user.desks.isEmpty else {
            state.message = StatusMessage("\(state.session.user) already sees every desk")
            return
        }
        let terms = FilterTerms.terms(state.filter.text)
        let narrowed = terms.contains { $0.lowercased().hasPrefix("desk:") }
        if narrowed && state.desk.wideningRestricted {
            state.message = StatusMessage("this store keeps officers to their desks; an admin can change that (vigil settings --allow-widening)", isError: true)
            return
        }
        let kept = terms.filter { !$0.lowercased().hasPrefix("desk:") }
        let text = (narrowed ? kept : ["desk:" + user.desks.joined(separator: ",")] + kept).joined(separator: " ")
        if let filter = try? Filter.parse(text, vocabularies: state.desk.vocabularies) {
            state.filter = filter
            state.activeQueue = nil
            state.refreshLists(queues: false)
            state.message = StatusMessage(narrowed ? "all desks: \(state.triage.rows.count) reports" : "my desks: \(state.triage.rows.count) reports")
        }
    }

    private static func onReport(_ state: inout AppState, _ name: ActionName) -> [Effect] {
        guard let report = state.selectedReport else {
            state.message = StatusMessage("no report selected", isError: true)
            return []
        }
        let id = report.id
        if let refusal = refusal(name, report, state) {
            state.message = StatusMessage(refusal, isError: true)
            return []
        }
        switch name {
        case .take: return [.perform(.take(id: id), message: "\(id) taken by \(state.session.user)")]
        case .respond: return [.perform(.respond(id: id, note: ""), message: "\(id): response started")]
        case .monitor: return [.perform(.monitor(id: id, note: ""), message: "\(id): monitoring")]
        case .retriage: return [.perform(.retriage(id: id, note: ""), message: "\(id): back in triage")]
        case .reopen: return [.perform(.reopen(id: id, note: ""), message: "\(id) reopened")]
        case .assign: state.form = FormFactory.assign(report, state.desk)
        case .assess: state.form = FormFactory.assess(report, state.desk)
        case .escalate: state.form = FormFactory.escalate(report, state.desk)
        case .approve: state.form = FormFactory.decide(report, outcome: .approve)
        case .return: state.form = FormFactory.decide(report, outcome: .return)
        case .comment: state.form = FormFactory.comment(report)
        case .edit: state.form = FormFactory.edit(report, state.desk)
        case .close: state.form = FormFactory.close(report, state.desk)
        case .label: state.form = FormFactory.label(report, state.desk)
        case .linkDuplicate: state.form = FormFactory.linkDuplicate(report)
        case .duplicates:
            let candidates = state.duplicates?.id == id ? state.duplicates?.candidates ?? [] : DuplicateFinder.candidates(for: report, in: state.desk)
            guard !candidates.isEmpty else {
                state.message = StatusMessage("no likely duplicates of \(id)")
                return []
            }
            state.form = FormFactory.duplicates(report, candidates: candidates)
        default: break
        }
        return []
    }

    /// Why the move cannot be made, checked before a form opens so nobody fills one in for nothing.
    /// The store decides again on save, against the freshest state.
    private static func refusal(_ name: ActionName, _ report: Report, _ state: AppState) -> String? {
        guard let user = state.user else { return "\(state.session.user) is not on this store's roster" }
        if user.role == .officer, !user.covers(desk: report.desk) {
            let desks = user.desks.map { state.desk.vocabularies.desks.label($0) }.joined(separator: ", ")
            return "\(user.name) covers \(desks); \(report.id) is on the \(state.desk.vocabularies.desks.label(report.desk)) desk"
        }
        let actions: [ActionName: WorkflowAction] = [
            .take: .take, .assign: .assign, .assess: .assess, .escalate: .escalate, .approve: .approve, .return: .return,
            .respond: .respond, .monitor: .monitor, .retriage: .retriage, .close: .close, .reopen: .reopen,
        ]
        guard let action = actions[name] else { return nil }
        if case .failure(let refusal) = WorkflowTable.check(action, status: report.status, level: report.effectiveLevel,
                                                            role: user.role, reportID: report.id) {
            return refusal.message
        }
        return nil
    }

    private static func move(_ state: inout AppState, _ delta: Int, _ layout: ConsoleLayout) {
        switch (state.focus, state.screen) {
        case (_, .stats):
            state.detailScroll = max(0, state.detailScroll + delta)
        case (.facets, _):
            let entries = state.facetEntries
            var index = min(max(state.facetSelection + delta, 0), entries.count - 1)
            // Headings are not selectable: step over them in the direction of travel.
            while entries.indices.contains(index), entries[index].kind == .heading { index += delta >= 0 ? 1 : -1 }
            if entries.indices.contains(index) { state.facetSelection = index }
        case (.detail, _):
            state.detailScroll = max(0, state.detailScroll + delta)
        case (.list, _):
            var list = state.list
            list.move(by: delta)
            list.scroll(visible: layout.listRows)
            state.list = list
        }
    }

    private static func cyclePane(_ state: inout AppState, _ delta: Int) {
        let layout = ConsoleLayout(state)
        var panes: [Pane] = []
        if layout.facets != nil { panes.append(.facets) }
        if layout.list != nil { panes.append(.list) }
        if layout.detail != nil { panes.append(.detail) }
        if state.paneCount == 1 { panes = state.screen == .queue ? [.list, .detail] : [.facets, .list, .detail] }
        guard !panes.isEmpty else { return }
        let index = panes.firstIndex(of: state.focus) ?? 0
        state.focus = panes[(index + delta + panes.count) % panes.count]
        if state.paneCount == 1 { state.narrowPane = state.focus }
        if state.focus == .facets, state.facetEntries.indices.contains(state.facetSelection),
           state.facetEntries[state.facetSelection].kind == .heading {
            state.facetSelection += 1
        }
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .facets:
            let entries = state.facetEntries
            guard entries.indices.contains(state.facetSelection), let key = entries[state.facetSelection].key,
                  let value = entries[state.facetSelection].value else { return [] }
            let text = FilterTerms.toggling(state.filter.text, key: key, value: value)
            if let filter = try? Filter.parse(text, vocabularies: state.desk.vocabularies) {
                state.filter = filter
                state.activeQueue = nil
                state.refreshLists(queues: false)
                state.message = StatusMessage("\(state.triage.rows.count) reports match")
            }
        case .list:
            guard state.list.current != nil else { return [] }
            state.focus = .detail
            if state.paneCount == 1 { state.narrowPane = .detail }
        case .detail:
            break
        }
        return []
    }

    /// Moves to the next (or previous) report whose id, title, pseudonym or narrative contains the search text.
    static func search(_ state: inout AppState, forward: Bool, includeCurrent: Bool) -> [Effect] {
        guard let text = state.lastSearch, !text.isEmpty else {
            state.message = StatusMessage("no search yet: press \(state.keymap.label(for: .search))", isError: true)
            return []
        }
        let wanted = TextFold.fold(text)
        var list = state.list
        let count = list.rows.count
        guard count > 0 else { return [] }
        for step in (includeCurrent ? 0 : 1)...count {
            let index = ((list.selected + (forward ? step : -step)) % count + count) % count
            let report = list.rows[index].report
            let haystack = [report.id, report.fields.title, report.fields.defenderPseudonym, report.fields.narrative]
            if haystack.contains(where: { TextFold.fold($0).contains(wanted) }) {
                list.select(index)
                list.scroll(visible: ConsoleLayout(state).listRows)
                state.list = list
                state.message = StatusMessage("/\(text): \(report.id)")
                return []
            }
        }
        state.message = StatusMessage("/\(text): not found", isError: true)
        return []
    }
}
