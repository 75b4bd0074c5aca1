/// Sends one HTTP request and returns its response. `CurlTransport` talks to the network;
/// the emulator's in-process transport answers without a socket.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
