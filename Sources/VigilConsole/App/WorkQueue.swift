import Foundation
import VigilCore

/// The desk's standing queues, each one key away with its count on screen.
public enum WorkQueue: String, CaseIterable, Sendable {
    /// Assigned to me, or mentioning me in a comment; by due time.
    case mine
    /// Not yet taken, on my desks; oldest first.
    case new
    /// Any clock passed.
    case overdue
    /// Responding or monitoring, with the reassessment clock passed.
    case reassess
    /// Closed reports, most recently changed first.
    case closed

    public var title: String {
        switch self {
        case .mine: "Mine"
        case .new: "New"
        case .overdue: "Overdue"
        case .reassess: "Reassess"
        case .closed: "Closed"
        }
    }

    public var action: ActionName {
        switch self {
        case .mine: .queueMine
        case .new: .queueNew
        case .overdue: .queueOverdue
        case .reassess: .queueReassess
        case .closed: .queueClosed
        }
    }

    /// The queue's filter and order for a user.
    public func query(for user: User?, vocabularies: Vocabularies) -> (filter: Filter, sort: VigilCore.SortOrder) {
        func parse(_ text: String) -> Filter { (try? Filter.parse(text, vocabularies: vocabularies)) ?? .all }
        let desks = user.map { $0.role == .officer && !$0.desks.isEmpty ? " desk:" + $0.desks.joined(separator: ",") : "" } ?? ""
        switch self {
        case .mine:
            let open = parse("status:!closed")
            let either = Filter.any(of: [parse("assignee:me"), parse("mentions:me")], text: "")
            return (open.and(either, text: "queue:mine (assignee:me or mentions:me) status:!closed"), VigilCore.SortOrder(key: .due))
        case .new: return (parse("status:new" + desks), VigilCore.SortOrder(key: .received, ascending: true))
        case .overdue: return (parse("overdue:yes" + desks), VigilCore.SortOrder(key: .due))
        case .reassess: return (parse("status:responding,monitoring overdue:yes" + desks), VigilCore.SortOrder(key: .due))
        case .closed: return (parse("status:closed" + desks), VigilCore.SortOrder(key: .updated))
        }
    }
}
