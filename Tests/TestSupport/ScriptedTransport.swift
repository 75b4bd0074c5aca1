public import AliyunCore
import Foundation

/// A transport that answers from a script and records what it was asked: the double for `RPCClient`.
///
/// Each request consumes the next step; when the script runs out, `otherwise` answers (or, if there is
/// none, the request fails with `ScriptedTransport.Exhausted`, so a test sees an unexpected extra attempt).
public final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// One scripted answer.
    public enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(any Error)
    }

    /// Thrown when a request arrives after the script ended and no `otherwise` was given.
    public struct Exhausted: Error, Equatable {}

    private let lock = NSLock()
    private var steps: [Step]
    private let otherwise: Step?
    private var recorded: [HTTPRequest] = []

    public init(_ steps: [Step] = [], otherwise: Step? = nil) {
        self.steps = steps
        self.otherwise = otherwise
    }

    /// The requests received so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { recorded } }

    /// Appends steps to the script.
    public func enqueue(_ more: Step...) { lock.withLock { steps += more } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step? = lock.withLock {
            recorded.append(request)
            return steps.isEmpty ? otherwise : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: throw Exhausted()
        }
    }
}

extension ScriptedTransport.Step {
    /// A JSON answer.
    public static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Self {
        .respond(
            HTTPResponse(
                status: status, headers: ["Content-Type": "application/json;charset=utf-8"].merging(headers) { $1 },
                body: Data(body.utf8)))
    }

    /// A success with a request id.
    public static func ok(requestId: String = "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E") -> Self {
        .json(200, #"{"RequestId":"\#(requestId)"}"#)
    }

    /// A service error as the service writes it in JSON.
    public static func serviceError(
        _ status: Int, code: String, message: String = "An error occurred.", headers: [String: String] = [:]
    ) -> Self {
        .json(
            status,
            #"{"RequestId":"0C7B1EAF-9D3C-4A2E-8C6B-1F7A0E4D2B11","HostId":"ecs.aliyuncs.com","Code":"\#(code)","#
                + #""Message":"\#(message)","Recommend":"https://api.aliyun.com/troubleshoot?q=\#(code)"}"#,
            headers: headers)
    }

    /// An answer with any body and content type.
    public static func raw(_ status: Int, contentType: String?, body: String) -> Self {
        .respond(
            HTTPResponse(
                status: status, headers: contentType.map { ["Content-Type": $0] } ?? [:], body: Data(body.utf8)))
    }

    /// A failure below HTTP.
    public static func transport(_ kind: TransportError.Kind, host: String = "ecs.cn-hangzhou.aliyuncs.com") -> Self {
        .fail(TransportError(kind: kind, host: host, detail: "scripted \(kind)"))
    }
}
