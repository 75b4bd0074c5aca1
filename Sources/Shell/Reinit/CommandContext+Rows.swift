import AliyunCore

extension CommandContext {
    /// Rows of one kind: one table at the terminal, one JSON object per row in JSON output (so that a
    /// program reads one line per disk).
    func emitRows(_ objects: [JSONValue], table: Table) {
        if session.current.output == .json {
            for object in objects {
                emit(CommandResult(json: object, table: Table(columns: table.columns, rows: [])))
            }
        } else {
            emit(CommandResult(json: .array(objects), table: table))
        }
    }
}
