/// A failure below HTTP: no response was received.
///
/// What matters to a caller is whether the server may have seen the request: a connection that
/// was never made is safe to retry for any action, a timeout after sending is not.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Name resolution or TCP/TLS connection failed; nothing was sent.
        case connectFailed
        /// The request was (maybe partly) sent, then no complete response came in time.
        case timedOut
        /// The connection broke after the request was (maybe partly) sent.
        case connectionLost
        /// The transport refused the request before sending (bad URL, bad option).
        case invalidRequest
        /// The call was cancelled by the caller.
        case cancelled
    }

    public var kind: Kind
    /// The URL's host, for messages.
    public var host: String
    /// A short explanation, e.g. libcurl's error text.
    public var detail: String

    public init(kind: Kind, host: String, detail: String) {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    /// Whether the server may have received the request (and so acted on it).
    public var requestMayHaveBeenSent: Bool {
        switch kind {
        case .connectFailed, .invalidRequest: false
        case .timedOut, .connectionLost, .cancelled: true
        }
    }

    public var description: String {
        switch kind {
        case .connectFailed: "cannot connect to \(host): \(detail)"
        case .timedOut: "no response from \(host) in time: \(detail)"
        case .connectionLost: "connection to \(host) lost: \(detail)"
        case .invalidRequest: "invalid request for \(host): \(detail)"
        case .cancelled: "request to \(host) cancelled"
        }
    }
}
