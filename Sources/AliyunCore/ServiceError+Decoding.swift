public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ServiceError {
    /// Reads an error body as the service writes it: JSON `{"RequestId","HostId","Code","Message","Recommend"}`
    /// or XML `<Error><RequestId>…</RequestId><Code>…</Code>…</Error>`.
    ///
    /// Returns `nil` when the body is not such an error (a gateway's HTML page, an empty or cut-off body,
    /// JSON without a `Code`): the caller then reports the HTTP status and what the body looked like.
    public init?(httpStatus: Int, body: Data) {
        let fields: [String: String]?
        switch ResponseBody.firstSignificantByte(of: body) {
        case UInt8(ascii: "{"): fields = Self.jsonFields(body)
        case UInt8(ascii: "<"): fields = Self.xmlFields(body)
        default: fields = nil
        }
        guard let fields, let code = fields["Code"], !code.isEmpty else { return nil }
        self.init(
            code: code, message: fields["Message"] ?? "", requestId: fields["RequestId"], hostId: fields["HostId"],
            recommend: fields["Recommend"], httpStatus: httpStatus)
    }

    /// The names of the error fields, as the service spells them.
    private static let fieldNames: Set<String> = ["Code", "Message", "RequestId", "HostId", "Recommend"]

    private static func jsonFields(_ body: Data) -> [String: String]? {
        guard case .object(let members) = try? JSONValue.parse(body) else { return nil }
        var fields: [String: String] = [:]
        for (name, value) in members {
            // Some gateways write `code`/`message`; the field names are otherwise fixed.
            guard let field = fieldNames.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
                continue
            }
            switch value {
            case .string(let text): fields[field] = text
            case .integer(let number): fields[field] = String(number)
            default: continue
            }
        }
        return fields
    }

    private static func xmlFields(_ body: Data) -> [String: String]? {
        let reader = ErrorXMLReader(fieldNames: fieldNames)
        let parser = XMLParser(data: body)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // A cut-off document can parse without complaint; only a closed root element proves it whole.
        guard parser.parse(), reader.rootClosed else { return nil }
        return reader.fields
    }
}

/// Collects the text of the root element's direct children named in `fieldNames`.
private final class ErrorXMLReader: NSObject, XMLParserDelegate {
    let fieldNames: Set<String>
    private(set) var fields: [String: String] = [:]
    private(set) var rootClosed = false
    private var depth = 0
    private var current: String?
    private var text = ""

    init(fieldNames: Set<String>) { self.fieldNames = fieldNames }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth == 2 && fieldNames.contains(elementName) {
            current = elementName
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil && depth == 2 { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if current != nil && depth == 2 { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 2, let name = current {
            fields[name] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            current = nil
        }
        depth -= 1
        if depth == 0 { rootClosed = true }
    }
}
