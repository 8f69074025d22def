import TerminalKit

/// Where each part of the screen goes at the current size; shared by render and by reduce (page sizes, clicks).
public struct ConsoleLayout: Sendable {
    public var tabs: Rect
    public var facets: Rect?
    public var list: Rect?
    public var detail: Rect?
    /// The line above the status bar: prompt, message or key hints.
    public var prompt: Rect
    public var status: Rect

    public init(_ state: AppState) {
        let bounds = Rect(width: state.width, height: state.height)
        tabs = bounds.row(0)
        status = bounds.row(bounds.height - 1)
        prompt = bounds.row(bounds.height - 2)
        let main = bounds.inset(top: 1, bottom: 2)
        facets = nil
        list = nil
        detail = nil
        switch state.paneCount {
        case 3:
            // Facets on the left; the list over the detail on the right, so the list keeps every column.
            var right = main
            if state.screen != .queue {
                let parts = main.columns([.fixed(22), .flex()])
                facets = parts[0]
                right = parts[1]
            }
            let stack = right.rows([.flex(weight: 11), .flex(weight: 9)])
            (list, detail) = (stack[0], stack[1])
        case 2:
            let parts = main.columns([.flex(weight: 3), .flex(weight: 2)])
            (list, detail) = (parts[0], parts[1])
        default:
            switch state.narrowPane {
            case .detail: detail = main
            case .facets: facets = main
            case .list: list = main
            }
        }
    }

    /// Rows of the list body inside its box (border and header excluded).
    public var listRows: Int { max((list?.height ?? 0) - 3, 1) }

    public var detailRows: Int { max((detail?.height ?? 0) - 2, 1) }

    /// Where a form goes: the whole right-hand side with three panes, the detail pane with two, else everything.
    public var form: Rect {
        switch (list, detail) {
        case (let list?, let detail?) where list.x == detail.x: Rect(x: list.x, y: list.y, width: list.width, height: detail.maxY - list.y)
        case (_, let detail?): detail
        default: Rect(x: tabs.x, y: tabs.y + 1, width: tabs.width, height: prompt.y - tabs.y - 1)
        }
    }
}
