public import AliyunCore

/// An `HTTPTransport` that hands each request to an in-process `Emulator`: the sandbox takes the same
/// path as the cloud, signature and all; only the socket is missing.
///
/// The emulator sees what a server would: the origin-form target (`/?query`) and a `Host` header, taken
/// from the URL when the request has none.
public struct EmulatorTransport: HTTPTransport {
    public let emulator: Emulator

    public init(emulator: Emulator) {
        self.emulator = emulator
    }

    /// Throws `TransportError.invalidRequest` for a URL that is not `http(s)://host…`, as a real transport would.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = RequestTarget(url: request.url)
        guard let scheme = target.scheme, scheme == "http" || scheme == "https",
            let authority = target.authority, !authority.isEmpty
        else {
            throw TransportError(
                kind: .invalidRequest, host: target.authority ?? "", detail: "not an http(s) URL: \(request.url)")
        }
        var forwarded = request
        forwarded.url = target.originForm
        if !request.headers.keys.contains(where: { $0.lowercased() == "host" }) {
            forwarded.headers["Host"] = authority
        }
        return emulator.handle(forwarded)
    }
}
