/// The parts of a request URL the emulator needs, split without decoding anything.
///
/// Accepts both forms a request can carry: a full URL (`http://host:port/?query`, as clients build it)
/// and an origin-form target (`/?query`, as an HTTP server receives it). A fragment is dropped.
struct RequestTarget: Sendable, Equatable {
    /// `http`/`https`, lower-cased, for a full URL.
    var scheme: String?
    /// `host[:port]` for a full URL.
    var authority: String?
    /// The path as sent; `/` when empty.
    var path: String
    /// The raw query, without `?`, still percent-encoded.
    var query: String

    init(url: String) {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") {
            rest = rest[..<hash]
        }
        if let separator = rest.range(of: "://"),
            !rest[..<separator.lowerBound].contains(where: { $0 == "/" || $0 == "?" })
        {
            scheme = rest[..<separator.lowerBound].lowercased()
            let afterScheme = rest[separator.upperBound...]
            let end = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
            authority = String(afterScheme[..<end])
            rest = afterScheme[end...]
        }
        if let question = rest.firstIndex(of: "?") {
            path = String(rest[..<question])
            query = String(rest[rest.index(after: question)...])
        } else {
            path = String(rest)
            query = ""
        }
        if path.isEmpty {
            path = "/"
        }
    }

    /// The origin-form target: path and query, as a server sees it.
    var originForm: String {
        query.isEmpty ? path : path + "?" + query
    }
}
