import AliyunCore
import Foundation

/// An HTTP request read as an RPC call: method, path, decoded parameters and lower-cased headers.
///
/// Parameters come from the query and, when the body is `application/x-www-form-urlencoded`, from the
/// body too (v1 signs both). Both are decoded with form semantics, as the Tea SDK encodes: `+` is a
/// space. A name sent twice keeps its last value; the body comes after the query.
struct IncomingRequest: Sendable {
    var method: String
    var path: String
    /// The query's parameters: what a v3 signature covers.
    var query: [String: String]
    /// Query and form-body parameters: what a v1 signature covers and what the action receives.
    var parameters: [String: String]
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data

    /// Reads `request`; throws when its query or form body is not valid percent-encoding.
    init(_ request: HTTPRequest) throws(APIError) {
        let target = RequestTarget(url: request.url)
        method = request.method
        path = target.path
        headers = Dictionary(
            request.headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        body = request.body
        do {
            query = Self.dictionary(try formDecode(target.query))
            parameters = query
            if Self.isForm(headers["content-type"]) {
                guard let text = String(validating: body, as: UTF8.self) else { throw APIError.malformedEncoding }
                for (name, value) in try formDecode(text) {
                    parameters[name] = value
                }
            }
        } catch {
            throw .malformedEncoding
        }
    }

    /// `v3` when `Authorization` carries an `ACS3-HMAC-SHA256` signature, else `v1`.
    var signatureVersion: SignatureVersion {
        let authorization = headers["authorization"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return authorization.hasPrefix(SignerV3.algorithm) ? .v3 : .v1
    }

    /// The format the answer takes: `Format` when it is JSON or XML (any case), else the signature
    /// version's default (XML for v1, JSON for v3).
    var responseFormat: ResponseFormat {
        if let format = parameters["Format"].flatMap(ResponseFormat.init(parameter:)) {
            return format
        }
        return signatureVersion == .v3 ? .json : .xml
    }

    /// The `HostId` of error bodies: the `Host` the client addressed.
    var hostId: String {
        Self.hostId(headers: headers)
    }

    static func hostId(headers: [String: String]) -> String {
        let host = headers.first { $0.key.lowercased() == "host" }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        return host.isEmpty ? ResponseRenderer.defaultHostId : host
    }

    private static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-www-form-urlencoded"
    }

    private static func dictionary(_ pairs: [(name: String, value: String)]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in pairs {
            result[name] = value
        }
        return result
    }
}
