/// A command was stopped by Ctrl-C.
struct InterruptedError: Error, CustomStringConvertible, Equatable {
    var description: String { "interrupted" }
}
