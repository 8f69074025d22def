import ArgumentParser
import VigilCore
import VigilStore

/// The exit-code contract: 0 ok, 1 a user error (refused, invalid, not found), 2 a store error.
enum CLIError: Error, CustomStringConvertible {
    case user(String)
    case store(String)

    var description: String {
        switch self {
        case .user(let message), .store(let message): message
        }
    }

    var exitCode: Int32 {
        switch self {
        case .user: 1
        case .store: 2
        }
    }

    /// Maps any error the core, store or parser throws onto the contract.
    static func from(_ error: any Error) -> CLIError {
        switch error {
        case let error as CLIError: error
        // Not getting into a sealed store is the user's to fix (the passphrase, the user name), not damage.
        case StoreError.wrongPassphrase(let path): .user(StoreError.wrongPassphrase(path: path).description)
        case let error as StoreError: .store(error.description)
        case let error as WeakPassphrase: .user(error.description)
        case let error as DeskError: .user(error.description)
        case let error as FilterError: .user("filter: " + error.description)
        case let error as ValidationFailure: .user(error.description)
        case let error as FieldError: .user(error.description)
        default: .store("\(error)")
        }
    }
}
