import CCurl
public import Foundation

/// An `HTTPTransport` over libcurl, keeping connections alive between calls.
///
/// One libcurl multi handle is driven by one dedicated thread, so that waiting on the network never
/// occupies Swift's cooperative thread pool; any number of `send` calls may be in flight at once, and
/// finished connections stay in the multi handle's cache for the next call to the same host.
///
/// What goes on the wire:
/// - the method exactly as given; a body (and `Content-Length`, `0` included) for every method but
///   `GET`, `HEAD`, `DELETE`, `OPTIONS` and `TRACE` without one;
/// - the headers exactly as given, sorted by name, except `Content-Length` and `Transfer-Encoding`
///   (computed from the body); libcurl adds `Host`, `Accept: */*` and `User-Agent` only when the
///   request has none, and never `Expect: 100-continue` or a default `Content-Type`;
/// - no redirect is followed, certificates are always verified, only `http` and `https` are spoken.
///
/// Each call puts its request on the wire at most once: libcurl's silent resend on a kept-alive
/// connection that closed without answering is refused, and reported as `.connectionLost`, because
/// the server may have acted on the first copy.
///
/// `HTTPRequest.timeout` (or `defaultTimeout`) bounds the whole call, connecting included; the
/// connect phase alone is bounded by `connectTimeout`.
public final class CurlTransport: HTTPTransport {
    /// Limits and defaults of one transport.
    public struct Options: Sendable, Equatable {
        /// Longest time to resolve the name and establish the TCP/TLS connection.
        public var connectTimeout: TimeInterval
        /// Whole-call limit for requests that do not set `HTTPRequest.timeout`.
        public var defaultTimeout: TimeInterval
        /// Most connections open to one host at once; further requests wait for a free one.
        public var maxConnectionsPerHost: Int
        /// Sent as `User-Agent` unless the request sets one.
        public var userAgent: String

        public init(
            connectTimeout: TimeInterval = 5, defaultTimeout: TimeInterval = 30, maxConnectionsPerHost: Int = 8,
            userAgent: String = "ecsh/0.1"
        ) {
            self.connectTimeout = connectTimeout
            self.defaultTimeout = defaultTimeout
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.userAgent = userAgent
        }
    }

    public let options: Options
    private let loop: CurlMultiLoop

    public init(options: Options = Options()) {
        self.options = options
        loop = CurlMultiLoop(options: options)
    }

    public convenience init(connectTimeout: TimeInterval, defaultTimeout: TimeInterval = 30) {
        self.init(options: Options(connectTimeout: connectTimeout, defaultTimeout: defaultTimeout))
    }

    deinit { loop.shutdown() }

    /// How many new connections the finished calls had to open: with keep-alive, far fewer than calls.
    public var connectionsOpened: Int { loop.connectionsOpened }

    /// Cancels every call in flight (they throw `.cancelled`), stops the network thread and closes
    /// the connections. Later calls throw `.cancelled` at once. Also done on deinit.
    public func shutdown() { loop.shutdown() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Self.validate(request)
        let loop = self.loop
        let id = loop.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(CurlJob(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            loop.cancel(id)
        }
    }

    /// Refuses what libcurl would put on the wire in a malformed or dangerous form (header injection).
    static func validate(_ request: HTTPRequest) throws {
        func invalid(_ detail: String) -> TransportError {
            TransportError(kind: .invalidRequest, host: hostForMessages(request.url), detail: detail)
        }
        guard isToken(request.method) else { throw invalid("invalid method \(String(reflecting: request.method))") }
        for (name, value) in request.headers {
            guard isToken(name) else { throw invalid("invalid header name \(String(reflecting: name))") }
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw invalid("line break in the value of header \(name)")
            }
        }
    }

    /// An HTTP token (RFC 9110 §5.6.2): what method and header names are made of.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }

    /// The host part of a URL, for error messages. Never the query: it holds the API parameters (a
    /// `Password`) and, with signature v1, the signature and the security token.
    static func hostForMessages(_ url: String) -> String {
        if let host = URLComponents(string: url)?.host, !host.isEmpty { return host }
        // A URL that does not parse (a space in a region id, say): what stands before the path.
        let afterScheme = url.range(of: "://").map { url[$0.upperBound...] } ?? url[...]
        let authority = afterScheme.prefix { !"/?#".contains($0) }
        return String(authority.split(separator: "@").last ?? authority)
    }
}
