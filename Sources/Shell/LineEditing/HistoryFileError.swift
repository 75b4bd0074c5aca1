/// The history file could not be written.
struct HistoryFileError: Error, CustomStringConvertible, Equatable {
    var path: String
    var reason: String

    var description: String { "cannot save history to \(path): \(reason)" }
}
