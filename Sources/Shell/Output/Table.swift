/// Rows under named columns, as a command result shows them to people.
struct Table: Sendable, Equatable {
    var columns: [String]
    var rows: [[String]]

    /// One record shown as `Key  value` lines (`disk ID`, `show session`).
    static func record(_ fields: [(String, String)]) -> Table {
        Table(columns: ["Field", "Value"], rows: fields.map { [$0.0, $0.1] })
    }
}
