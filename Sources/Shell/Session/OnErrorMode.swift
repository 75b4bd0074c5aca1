/// What a script does after a failed command.
enum OnErrorMode: String, Sendable, CaseIterable {
    case stop, `continue`

    static let names = allCases.map(\.rawValue)
}
