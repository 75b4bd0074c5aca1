public import AliyunCore
import Synchronization

/// Passes every request on to another transport and counts them per API action, so that a test can
/// tell how many attempts a client made.
public final class CountingTransport: HTTPTransport {
    private let next: any HTTPTransport
    private let counts = Mutex<[String: Int]>([:])

    public init(_ next: any HTTPTransport) { self.next = next }

    /// Requests sent so far for `action` (read from `x-acs-action`, or the `Action` query parameter).
    public func attempts(_ action: String) -> Int { counts.withLock { $0[action, default: 0] } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let action = request.header(named: "x-acs-action") ?? request.decodedQuery["Action"] ?? ""
        counts.withLock { $0[action, default: 0] += 1 }
        return try await next.send(request)
    }
}
