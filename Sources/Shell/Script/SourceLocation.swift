/// Where a command was read from: `deploy.ecsh:12`, `<stdin>:3`, `-c:1`.
struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    var name: String
    var line: Int

    var description: String { "\(name):\(line)" }
}
