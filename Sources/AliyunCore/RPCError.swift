/// A failure of an RPC call that is not an answer of the service (those are `ServiceError`s).
///
/// The distinction that matters most is between a definite failure (nothing happened, or we know what
/// happened) and `outcomeUnknown`: the request may have been carried out, so repeating it blindly
/// could, for `ReInitDisk`, wipe a disk twice.
public struct RPCError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; compare with `==` against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case outcomeUnknown, insecurePassword, transportFailure, unexpectedResponse, invalidEndpoint
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The request may have reached the server, and no answer says what it did.
        public static let outcomeUnknown = Code(.outcomeUnknown)
        /// A `Password` would have crossed the network unencrypted; nothing was sent.
        public static let insecurePassword = Code(.insecurePassword)
        /// No answer: the connection failed, or a read-only call ran out of attempts.
        public static let transportFailure = Code(.transportFailure)
        /// An answer that is neither a JSON result nor a service error (an HTML page, an empty or cut-off body).
        public static let unexpectedResponse = Code(.unexpectedResponse)
        /// The endpoint URL cannot be used (scheme, host, path).
        public static let invalidEndpoint = Code(.invalidEndpoint)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// The API action, e.g. `ReInitDisk`; empty for `invalidEndpoint`.
    public let action: String
    /// The endpoint's host (with port if it has one).
    public let host: String
    /// The HTTP status, for `unexpectedResponse` (and `outcomeUnknown` after a gateway's answer).
    public let httpStatus: Int?
    /// How many attempts were made (0 when the request was refused before sending).
    public let attempts: Int
    /// The failure beneath, typically a `TransportError`.
    public let underlying: (any Error)?
    /// The rest of the message, already free of secrets.
    private let detail: String

    private init(
        _ code: Code, action: String, host: String, httpStatus: Int? = nil, attempts: Int,
        underlying: (any Error)? = nil,
        detail: String
    ) {
        self.code = code
        self.action = action
        self.host = host
        self.httpStatus = httpStatus
        self.attempts = attempts
        self.underlying = underlying
        self.detail = detail
    }

    /// The request may have been carried out; `underlying` says why we cannot tell.
    public static func outcomeUnknown(
        action: String, host: String, attempts: Int, httpStatus: Int? = nil, underlying: any Error
    ) -> RPCError {
        RPCError(
            .outcomeUnknown, action: action, host: host, httpStatus: httpStatus, attempts: attempts,
            underlying: underlying,
            detail: "outcome unknown — the request may have reached the server (\(inline(underlying))); "
                + "check the status of the resource it acts on before retrying")
    }

    /// Refused before sending: a `Password` over plain `http://` to a host that is not loopback.
    public static func insecurePassword(action: String, host: String) -> RPCError {
        RPCError(
            .insecurePassword, action: action, host: host, attempts: 0,
            detail: "refusing to send a password over plain http:// to \(host), which is not a loopback address; "
                + "use https:// or allow insecure passwords explicitly")
    }

    /// A definite failure to get an answer: the connection could not be made, or a call that is safe to
    /// repeat failed on every attempt.
    public static func transportFailure(action: String, attempts: Int, underlying: TransportError) -> RPCError {
        RPCError(
            .transportFailure, action: action, host: underlying.host, attempts: attempts, underlying: underlying,
            detail: underlying.description)
    }

    /// An answer that cannot be read; `reason` says what the body was, e.g. `a non-JSON body (text/html): …`.
    public static func unexpectedResponse(
        action: String, host: String, httpStatus: Int, attempts: Int, reason: String
    ) -> RPCError {
        RPCError(
            .unexpectedResponse, action: action, host: host, httpStatus: httpStatus, attempts: attempts,
            detail: "HTTP \(httpStatus) from \(host) with \(reason)")
    }

    /// The endpoint cannot be used; `reason` says why.
    public static func invalidEndpoint(_ endpoint: String, reason: String) -> RPCError {
        RPCError(
            .invalidEndpoint, action: "", host: endpoint, attempts: 0, detail: "invalid endpoint \(endpoint): \(reason)"
        )
    }

    /// How `error` reads inside another message: an `RPCError` without its action prefix.
    private static func inline(_ error: any Error) -> String {
        (error as? RPCError)?.detail ?? "\(error)"
    }

    /// The same error, counting `attempts` attempts.
    func counting(attempts: Int) -> RPCError {
        RPCError(
            code, action: action, host: host, httpStatus: httpStatus, attempts: attempts, underlying: underlying,
            detail: detail)
    }

    /// One line: the action, what happened, and how many attempts it took when more than one.
    public var description: String {
        var text = action.isEmpty ? detail : "\(action): \(detail)"
        if attempts > 1 && code != .outcomeUnknown { text += " (after \(attempts) attempts)" }
        return text
    }
}
