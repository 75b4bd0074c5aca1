public import AliyunCore
public import Foundation

/// An in-process ECS instance metadata service (the parts that serve RAM role credentials), as an
/// `HTTPTransport`:
/// - `PUT /latest/api/token` → an IMDSv2 session token (or 403 when `refusesToken`),
/// - `GET /latest/meta-data/ram/security-credentials/` → the attached role's name,
/// - `GET /latest/meta-data/ram/security-credentials/<role>` → `{"Code":"Success","AccessKeyId",…}` with
///   keys numbered by fetch (`STS.key-1`, `STS.key-2`, …) that expire `lifetime` seconds after `clock.now()`.
///
/// When `requiresToken` is set, GETs without the token are refused (401), as on a hardened instance.
/// Every request is recorded, and `credentialFetches` counts the credential GETs that succeeded.
public final class FakeMetadataServer: HTTPTransport, @unchecked Sendable {
    public static let token = "fake-imds-token"

    private let lock = NSLock()
    private let clock: any Clock
    private var _requests: [HTTPRequest] = []
    private var _credentialFetches = 0
    private var _roleName: String?
    private var _refusesToken = false
    private var _tokenRequestThrows = false
    private var _requiresToken = false
    private var _unreachable = false
    private var _credentialOverride: HTTPResponse?
    private var _lifetime: TimeInterval = 3600
    private var _delay: Duration = .zero

    /// `roleName` is the role attached to the instance; `nil` for an instance without one.
    public init(roleName: String? = "EcsReInitRole", clock: any Clock) {
        self._roleName = roleName
        self.clock = clock
    }

    public var requests: [HTTPRequest] { lock.withLock { _requests } }
    public var credentialFetches: Int { lock.withLock { _credentialFetches } }
    /// Answer 403 to the IMDSv2 token request, as an instance with v2 switched off would.
    public var refusesToken: Bool {
        get { lock.withLock { _refusesToken } }
        set { lock.withLock { _refusesToken = newValue } }
    }
    /// Fail the IMDSv2 token request below HTTP (a timeout), as when a firewall drops PUTs.
    public var tokenRequestThrows: Bool {
        get { lock.withLock { _tokenRequestThrows } }
        set { lock.withLock { _tokenRequestThrows = newValue } }
    }
    /// Refuse GETs that carry no valid token, as an instance in hardened (v2-only) mode does.
    public var requiresToken: Bool {
        get { lock.withLock { _requiresToken } }
        set { lock.withLock { _requiresToken = newValue } }
    }
    /// Throw `TransportError.connectFailed` for every request, as off an ECS instance.
    public var unreachable: Bool {
        get { lock.withLock { _unreachable } }
        set { lock.withLock { _unreachable = newValue } }
    }
    /// Answer the credential GET with this response instead of fresh keys.
    public var credentialOverride: HTTPResponse? {
        get { lock.withLock { _credentialOverride } }
        set { lock.withLock { _credentialOverride = newValue } }
    }
    /// How long served keys live.
    public var lifetime: TimeInterval {
        get { lock.withLock { _lifetime } }
        set { lock.withLock { _lifetime = newValue } }
    }
    /// How long the credential GET takes, to let concurrent callers overlap.
    public var delay: Duration {
        get { lock.withLock { _delay } }
        set { lock.withLock { _delay = newValue } }
    }

    /// The secret served with key number `n`, for tests that check secrets stay out of messages.
    public static func secret(_ n: Int) -> String { "fake-secret-\(n)" }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (unreachable, delay) = lock.withLock {
            _requests.append(request)
            return (_unreachable, _delay)
        }
        guard !unreachable else {
            throw TransportError(kind: .connectFailed, host: "100.100.100.200", detail: "Connection timed out")
        }
        let path = URLComponents(string: request.url)?.path ?? request.url
        let prefix = "/latest/meta-data/ram/security-credentials/"
        switch (request.method, path) {
        case ("PUT", "/latest/api/token"):
            if tokenRequestThrows {
                throw TransportError(kind: .timedOut, host: "100.100.100.200", detail: "Operation timed out")
            }
            guard !refusesToken, header("X-aliyun-ecs-metadata-token-ttl-seconds", of: request) != nil else {
                return HTTPResponse(status: 403)
            }
            return HTTPResponse(status: 200, body: Data(Self.token.utf8))
        case ("GET", _) where path.hasPrefix(prefix):
            if requiresToken && header("X-aliyun-ecs-metadata-token", of: request) != Self.token {
                return HTTPResponse(status: 401)
            }
            let role = String(path.dropFirst(prefix.count))
            let attached = lock.withLock { _roleName }
            if role.isEmpty {
                guard let attached else { return HTTPResponse(status: 404) }
                return HTTPResponse(status: 200, body: Data("\(attached)\n".utf8))
            }
            if delay > .zero { try await Task.sleep(for: delay) }
            return credentials(for: role, attached: attached)
        default:
            return HTTPResponse(status: 404)
        }
    }

    private func credentials(for role: String, attached: String?) -> HTTPResponse {
        lock.withLock {
            if let override = _credentialOverride { return override }
            guard role == attached else { return HTTPResponse(status: 404) }
            _credentialFetches += 1
            let n = _credentialFetches
            let formatter = ISO8601DateFormatter()
            let body: [String: String] = [
                "Code": "Success",
                "AccessKeyId": "STS.key-\(n)",
                "AccessKeySecret": Self.secret(n),
                "SecurityToken": "fake-token-\(n)",
                "Expiration": formatter.string(from: clock.now().addingTimeInterval(_lifetime)),
                "LastUpdated": formatter.string(from: clock.now()),
            ]
            let data = try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: data)
        }
    }

    private func header(_ name: String, of request: HTTPRequest) -> String? {
        request.headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
