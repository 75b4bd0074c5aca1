public import AliyunCore
import Foundation

/// Turns an action's result or an error into the HTTP response ECS sends.
///
/// Success: HTTP 200, `{"RequestId": …, …}` or `<ActionResponse><RequestId>…</RequestId>…</ActionResponse>`.
/// Error: the error's status and headers, with `RequestId`, `HostId`, `Code`, `Message` and `Recommend`.
/// Every response carries `x-acs-request-id`, as the gateway's do.
public enum ResponseRenderer {
    /// The `HostId` when the request named no host.
    public static let defaultHostId = "ecs.aliyuncs.com"

    public static func success(
        action: String, body: [String: JSONValue], requestId: String, format: ResponseFormat
    ) -> HTTPResponse {
        var members = body
        members.removeValue(forKey: "RequestId")
        let text: String
        switch format {
        case .json:
            members["RequestId"] = .string(requestId)
            text = JSONValue.object(members).serialized()
        case .xml:
            text = XMLWriter.document(
                root: action + "Response",
                members: [("RequestId", .string(requestId))] + members.keys.sorted().map { ($0, members[$0]!) })
        }
        return response(status: 200, headers: [:], text: text, format: format, requestId: requestId)
    }

    public static func error(
        _ error: APIError, requestId: String, hostId: String = defaultHostId, format: ResponseFormat
    ) -> HTTPResponse {
        let members: [(name: String, value: JSONValue)] = [
            ("RequestId", .string(requestId)),
            ("HostId", .string(hostId)),
            ("Code", .string(error.code)),
            ("Message", .string(error.message)),
            ("Recommend", .string(recommend(code: error.code, requestId: requestId))),
        ]
        let text: String
        switch format {
        case .json:
            text = JSONValue.object(
                Dictionary(members.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            ).serialized()
        case .xml:
            text = XMLWriter.document(root: "Error", members: members)
        }
        return response(
            status: error.httpStatus, headers: error.headers, text: text, format: format, requestId: requestId)
    }

    /// The troubleshooting link the gateway puts in `Recommend`.
    public static func recommend(code: String, requestId: String) -> String {
        "https://api.aliyun.com/troubleshoot?q=\(percentEncode(code))&product=Ecs&requestId=\(percentEncode(requestId))"
    }

    private static func response(
        status: Int, headers: [String: String], text: String, format: ResponseFormat, requestId: String
    ) -> HTTPResponse {
        var all = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        all["content-type"] = format.contentType
        all["x-acs-request-id"] = requestId
        return HTTPResponse(status: status, headers: all, body: Data(text.utf8))
    }
}
