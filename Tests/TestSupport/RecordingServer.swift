public import AliyunCore
public import ECSEmulator
import Foundation
import Synchronization

/// An `HTTPServer` on 127.0.0.1 (a free port) that records every request it receives, with the
/// client's port, before answering it with `responder`.
public final class RecordingServer: Sendable {
    /// One received request and where it came from.
    public struct Received: Sendable, Equatable {
        public var request: HTTPRequest
        public var client: HTTPServer.ConnectionInfo?

        /// The request's header `name`, looked up case-insensitively.
        public func header(_ name: String) -> String? {
            request.headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    public typealias Responder = @Sendable (HTTPRequest) -> HTTPServer.Reply

    public let server: HTTPServer
    public let port: UInt16
    private let log: Log

    private final class Log: Sendable {
        let entries = Mutex<[Received]>([])
    }

    public init(limits: HTTPServer.Limits = HTTPServer.Limits(), responder: @escaping Responder = RecordingServer.ok)
        throws
    {
        let log = Log()
        self.log = log
        server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits) { request, client in
            log.entries.withLock { $0.append(Received(request: request, client: client)) }
            return responder(request)
        }
        port = try server.start()
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` followed by `pathAndQuery` as given.
    public func url(_ pathAndQuery: String = "/") -> String { baseURL + pathAndQuery }

    /// Every request received so far, in order of arrival.
    public var received: [Received] { log.entries.withLock { $0 } }

    /// Stops the server (also done on deinit).
    public func stop() { server.stop() }

    /// The default answer: 200 with a JSON body carrying a fresh `RequestId`.
    public static func ok(_ request: HTTPRequest) -> HTTPServer.Reply {
        .response(json(#"{"RequestId":"\#(UUID().uuidString)"}"#))
    }

    /// A JSON response.
    public static func json(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json;charset=utf-8"], body: Data(body.utf8))
    }
}
