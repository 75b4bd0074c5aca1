/// The body format of a response: the request's `Format` parameter, any case.
///
/// Without one, a v1 request is answered in XML (the API's documented default) and a v3 request in JSON
/// (the current SDKs' default, which never send `Format`). A request that cannot be read far enough to
/// know (its query is not valid percent-encoding) is answered in JSON, which both official SDKs ask for.
public enum ResponseFormat: String, Sendable, Equatable, CaseIterable {
    case json = "JSON"
    case xml = "XML"

    /// `JSON`/`XML` in any case; `nil` for anything else.
    public init?(parameter: String) {
        switch parameter.uppercased() {
        case "JSON": self = .json
        case "XML": self = .xml
        default: return nil
        }
    }

    /// The `Content-Type` of a body in this format. The XML one is exact: the Tea SDK parses an XML
    /// error body only when the type is this string.
    public var contentType: String {
        switch self {
        case .json: "application/json;charset=utf-8"
        case .xml: "text/xml;charset=utf-8"
        }
    }
}
