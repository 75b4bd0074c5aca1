import AliyunCore

/// Answers through another transport only after a delay: a slow or, with a long enough delay, a hung
/// endpoint.
struct DelayedTransport: HTTPTransport {
    let delay: Duration
    let next: any HTTPTransport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await Task.sleep(for: delay)
        return try await next.send(request)
    }
}
