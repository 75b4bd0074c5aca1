import AliyunCore

/// What a command produced, in both shapes: a JSON object (one line of JSON output, the API's own
/// field names) and a table (for people). Text output prints the table's rows tab-separated.
struct CommandResult: Sendable {
    var json: JSONValue
    var table: Table
    /// A record (one item) renders as `Field  value` lines instead of a grid.
    var isRecord = false

    init(json: JSONValue, table: Table, isRecord: Bool = false) {
        self.json = json
        self.table = table
        self.isRecord = isRecord
    }
}
