/// How command results are printed: a table for people, JSON lines for programs, tab-separated text.
enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, text

    static let names = allCases.map(\.rawValue)
}
