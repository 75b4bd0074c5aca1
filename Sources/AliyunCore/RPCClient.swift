import Foundation

/// Calls one RPC API (e.g. ECS `2014-05-26`) at one endpoint: sign → send → decode, with retries.
///
/// Requests are built as the official SDKs build them: `POST /?<query>` with an empty body; with
/// signature v1 every parameter (signature included) is in the query, with v3 the API parameters are
/// in the query and the rest in `x-acs-*` headers and `Authorization`. Each attempt fetches the
/// credential and signs afresh, so a retry carries a new nonce and timestamp.
///
/// What is retried is the policy's business (`RetryPolicyFactory`). What the caller is told is this
/// client's: a `ServiceError` when the service answered with one; `RPCError.outcomeUnknown` when an
/// action that changes something may have been carried out without our knowing (a timeout or a broken
/// connection after sending, a gateway's 5xx page); otherwise a definite `RPCError`. Credential
/// failures pass through unchanged.
public final class RPCClient: Sendable {
    public let endpoint: Endpoint
    /// The API version, e.g. `2014-05-26`.
    public let version: String
    public let signatureVersion: SignatureVersion
    public let timeouts: ReadTimeouts
    /// Whether a `Password` may be sent over plain `http://` to a host that is not loopback.
    public let allowInsecurePassword: Bool

    private let credentials: any CredentialProvider
    private let transport: any HTTPTransport
    private let retryPolicy: any RetryPolicy
    private let debugLog: DebugLog?
    private let clock: any Clock
    private let nonces: any NonceGenerator
    private let sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - sleep: waits between attempts; tests pass one that returns at once and records the wait.
    public init(
        endpoint: Endpoint, version: String, credentials: any CredentialProvider, transport: any HTTPTransport,
        signatureVersion: SignatureVersion = .v3, retryPolicy: RetryPolicyFactory = .jitter(),
        timeouts: ReadTimeouts = .standard, allowInsecurePassword: Bool = false, debugLog: DebugLog? = nil,
        clock: any Clock = SystemClock(), nonces: any NonceGenerator = RandomNonceGenerator(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.endpoint = endpoint
        self.version = version
        self.credentials = credentials
        self.transport = transport
        self.signatureVersion = signatureVersion
        self.retryPolicy = retryPolicy.policy
        self.timeouts = timeouts
        self.allowInsecurePassword = allowInsecurePassword
        self.debugLog = debugLog
        self.clock = clock
        self.nonces = nonces
        self.sleep = sleep
    }

    /// Calls `action` with its API `parameters` and returns the decoded JSON answer.
    public func call(_ action: String, parameters: [String: String] = [:]) async throws -> JSONValue {
        try checkEndpoint()
        try checkPasswordTransport(action: action, parameters: parameters)
        let parameterSecrets = parameters.filter { Redactor.isSensitive(parameter: $0.key) }.map(\.value)
        var attempt = 0
        while true {
            attempt += 1
            let credential = try await credentials.credential()
            let request = makeRequest(action: action, parameters: parameters, credential: credential)
            let decoder = ResponseDecoder(
                action: action, host: endpoint.hostHeader,
                secrets: parameterSecrets + [credential.accessKeySecret] + [credential.securityToken].compactMap { $0 })

            let started = ContinuousClock.now
            let status: Int?
            let result: Result<JSONValue, any Error>
            var retryAfter: Duration?
            do {
                let response = try await transport.send(request)
                status = response.status
                result = decoder.decode(response, attempt: attempt)
                retryAfter = ResponseDecoder.retryAfter(response)
            } catch {
                status = nil
                result = .failure(error)
            }
            let elapsed = ContinuousClock.now - started

            switch result {
            case .success(let value):
                debugLog?.record(
                    action: action, attempt: attempt, request: request, status: status, error: nil, elapsed: elapsed)
                return value
            case .failure(let error):
                let failure = FailedAttempt(action: action, attempt: attempt, error: error, retryAfter: retryAfter)
                let delay = retryPolicy.delay(after: failure)
                debugLog?.record(
                    action: action, attempt: attempt, request: request, status: status, error: error, elapsed: elapsed,
                    retryDelay: delay)
                guard let delay else { throw reported(error, action: action, attempts: attempt) }
                try await sleep(delay)
                try Task.checkCancellation()
            }
        }
    }

    /// The signed request of one attempt: fresh nonce and timestamp, the action's read timeout.
    func makeRequest(action: String, parameters: [String: String], credential: Credential) -> HTTPRequest {
        let date = clock.now()
        let nonce = nonces.next()
        let base = endpoint.baseURL + "/"
        let accept = ["accept": "application/json"]
        var request: HTTPRequest
        switch signatureVersion {
        case .v1:
            let signed = SignerV1(credential: credential).sign(
                method: "POST", action: action, version: version, parameters: parameters, format: "JSON",
                timestamp: date, nonce: nonce)
            request = HTTPRequest(method: "POST", url: base + "?" + canonicalQueryString(signed), headers: accept)
        case .v3:
            let headers = SignerV3(credential: credential).sign(
                method: "POST", host: endpoint.hostHeader, action: action, version: version, query: parameters,
                body: Data(), headers: accept, date: date, nonce: nonce)
            let url = parameters.isEmpty ? base : base + "?" + canonicalQueryString(parameters)
            request = HTTPRequest(method: "POST", url: url, headers: headers)
        }
        request.timeout = timeouts[action].inSeconds
        return request
    }

    /// The error the caller sees for the last failed attempt.
    private func reported(_ error: any Error, action: String, attempts: Int) -> any Error {
        let changesThings = !RetryRules.isReadOnly(action: action)
        switch error {
        case let error as ServiceError:
            return error
        case let error as TransportError:
            if changesThings && error.requestMayHaveBeenSent {
                return RPCError.outcomeUnknown(
                    action: action, host: endpoint.hostHeader, attempts: attempts, underlying: error)
            }
            return RPCError.transportFailure(action: action, attempts: attempts, underlying: error)
        case let error as RPCError:
            // An unreadable 2xx or 5xx may come from a proxy or gateway after the service acted; a 4xx page
            // is a refusal on the way in.
            if changesThings, let status = error.httpStatus, !(400..<500).contains(status) {
                return RPCError.outcomeUnknown(
                    action: action, host: endpoint.hostHeader, attempts: attempts, httpStatus: status,
                    underlying: error)
            }
            return error.counting(attempts: attempts)
        default:
            // Anything else from the transport (cancellation included) leaves a change in doubt.
            if changesThings {
                return RPCError.outcomeUnknown(
                    action: action, host: endpoint.hostHeader, attempts: attempts, underlying: error)
            }
            return error
        }
    }

    private func checkEndpoint() throws {
        guard endpoint.scheme == "https" || endpoint.scheme == "http" else {
            throw RPCError.invalidEndpoint(endpoint.baseURL, reason: "the scheme must be http or https")
        }
        guard !endpoint.host.isEmpty else {
            throw RPCError.invalidEndpoint(endpoint.baseURL, reason: "the host is missing")
        }
    }

    /// Refuses, before anything is sent, to put a password on an unencrypted connection that leaves the machine.
    private func checkPasswordTransport(action: String, parameters: [String: String]) throws {
        guard !allowInsecurePassword, endpoint.scheme != "https",
            parameters.keys.contains(where: { $0.caseInsensitiveCompare("Password") == .orderedSame }),
            !endpoint.isLoopback
        else { return }
        throw RPCError.insecurePassword(action: action, host: endpoint.hostHeader)
    }
}
