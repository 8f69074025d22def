import Foundation
import VigilCore

/// What an import does with a column (CSV) or key (JSON Lines) of a given name.
enum ImportColumn: Equatable {
    /// An editable field, passed to `Command.create`.
    case field(ReportField)
    /// Accepted and ignored: the read-only workflow columns and `id`, so an export re-imports as it is, and
    /// `recorded_by`, because the person importing is the recorder of the new report (the store sets it to the
    /// acting user; the partner's recorder name is not a user of this store).
    case ignored

    /// The role of a column name, nil for a name Vigil does not know. Case and surrounding spaces are forgiven:
    /// spreadsheets capitalise headers, and that loses no data.
    init?(name: String) {
        let name = name.trimmingCharacters(in: .whitespaces).lowercased()
        if ReportRecord.readOnlyColumns.contains(name) || name == ReportField.recordedBy.name {
            self = .ignored
        } else if let field = ReportField(name: name) {
            self = .field(field)
        } else {
            return nil
        }
    }
}
