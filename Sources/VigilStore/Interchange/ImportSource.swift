import VigilCore

/// An import file read into rows of field text, before any field is validated: the common ground of the CSV
/// and JSON Lines readers, so the planner applies one set of rules to both.
struct ImportSource {
    /// One row: the line it starts on, the text of each field it gives, and problems found reading it.
    struct Row {
        let line: Int
        var values: [ReportField: String] = [:]
        var problems: [ImportProblem] = []
    }

    var rows: [Row] = []
    /// Problems with the file or with rows too broken to have fields.
    var problems: [ImportProblem] = []
}
