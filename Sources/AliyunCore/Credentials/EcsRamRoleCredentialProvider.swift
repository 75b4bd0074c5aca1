public import Foundation

/// Temporary keys of the RAM role attached to the ECS instance this runs on, from the instance metadata
/// service (mode `EcsRamRole` of the CLI).
///
/// Each fetch asks for a session token first (IMDSv2, required on instances that enforce hardened mode) and
/// falls back to a plain request (IMDSv1) when the token cannot be had. Without a configured role name, the
/// role attached to the instance is asked for once and remembered. Keys are cached until fewer than
/// `refreshMargin` seconds remain before their `Expiration`; callers arriving while a fetch is under way wait
/// for that fetch instead of starting their own. When a refresh fails while the cached keys are still valid,
/// the cached keys are returned, so that a metadata hiccup does not fail a request that could succeed.
public actor EcsRamRoleCredentialProvider: CredentialProvider {
    /// The metadata service's fixed address on every ECS instance.
    public static let defaultBaseURL = "http://100.100.100.200"
    /// Refresh this long before the keys expire: a request signed just before expiry may arrive after it.
    public static let defaultRefreshMargin: TimeInterval = 180
    /// Metadata answers in milliseconds on an instance; off one, fail fast rather than hang the shell.
    public static let defaultTimeout: TimeInterval = 2
    /// How long the IMDSv2 session token should live (the maximum, 6 hours).
    static let tokenTTLSeconds = "21600"

    /// The role name configured, or `nil` to discover it from the metadata service.
    public nonisolated let configuredRoleName: String?
    private let transport: any HTTPTransport
    private let clock: any Clock
    private let baseURL: String
    private let refreshMargin: TimeInterval
    private let timeout: TimeInterval

    private var discoveredRoleName: String?
    private var cached: Credential?
    private var refreshing: Task<Credential, any Error>?

    public init(
        roleName: String? = nil, transport: any HTTPTransport, clock: any Clock = SystemClock(),
        baseURL: String = defaultBaseURL, refreshMargin: TimeInterval = defaultRefreshMargin,
        timeout: TimeInterval = defaultTimeout
    ) {
        self.configuredRoleName = roleName.flatMap { $0.isEmpty ? nil : $0 }
        self.transport = transport
        self.clock = clock
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.refreshMargin = refreshMargin
        self.timeout = timeout
    }

    public func credential() async throws -> Credential {
        if let cached, let expiration = cached.expiration, expiration.timeIntervalSince(clock.now()) >= refreshMargin {
            return cached
        }
        let task: Task<Credential, any Error>
        if let refreshing {
            task = refreshing
        } else {
            // The task runs on this actor only after this method suspends, so `refreshing` is set first.
            task = Task { try await self.refresh() }
            refreshing = task
        }
        do {
            return try await task.value
        } catch {
            if let cached, let expiration = cached.expiration, clock.now() < expiration {
                return cached
            }
            throw error
        }
    }

    /// One fetch, shared by every caller that arrives while it runs.
    private func refresh() async throws -> Credential {
        defer { refreshing = nil }
        let fresh = try await fetch()
        cached = fresh
        return fresh
    }

    private func fetch() async throws -> Credential {
        let token = await sessionToken()
        let role = try await roleName(token: token)
        let escaped = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? role
        let response = try await get("/latest/meta-data/ram/security-credentials/\(escaped)", token: token)
        guard response.status == 200 else {
            throw CredentialError.metadataBadResponse(
                "answered HTTP \(response.status) for the credentials of RAM role \"\(role)\"; "
                    + "is that role attached to this instance?")
        }
        return try Self.decodeCredential(response.body, role: role)
    }

    /// An IMDSv2 session token, or `nil` when the service will not give one (then IMDSv1 is tried).
    private func sessionToken() async -> String? {
        let request = HTTPRequest(
            method: "PUT", url: baseURL + "/latest/api/token",
            headers: ["X-aliyun-ecs-metadata-token-ttl-seconds": Self.tokenTTLSeconds], timeout: timeout)
        guard let response = try? await transport.send(request), response.status == 200 else { return nil }
        let token = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// The configured role, else the one the instance reports (remembered: it cannot change under us
    /// often enough to matter, and it saves a request per refresh).
    private func roleName(token: String?) async throws -> String {
        if let name = configuredRoleName ?? discoveredRoleName { return name }
        let response = try await get("/latest/meta-data/ram/security-credentials/", token: token)
        guard response.status == 200 else {
            throw CredentialError.metadataBadResponse(
                "answered HTTP \(response.status) when asked for the instance's RAM role; "
                    + "attach a RAM role to the instance or set ram_role_name in the profile")
        }
        let listing = String(decoding: response.body, as: UTF8.self)
        guard
            let name = listing.split(whereSeparator: \.isNewline)
                .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else {
            throw CredentialError.metadataBadResponse(
                "reports no RAM role attached to this instance; attach one or set ram_role_name in the profile")
        }
        discoveredRoleName = name
        return name
    }

    private func get(_ path: String, token: String?) async throws -> HTTPResponse {
        var request = HTTPRequest(method: "GET", url: baseURL + path, timeout: timeout)
        if let token { request.headers["X-aliyun-ecs-metadata-token"] = token }
        do {
            return try await transport.send(request)
        } catch {
            throw CredentialError.metadataUnreachable(baseURL: baseURL, detail: "\(error)")
        }
    }

    /// The metadata service's answer for a role, as documented for ECS instance RAM roles.
    private struct Payload: Decodable {
        var code: String?
        var accessKeyId: String?
        var accessKeySecret: String?
        var securityToken: String?
        var expiration: String?

        private enum CodingKeys: String, CodingKey {
            case code = "Code"
            case accessKeyId = "AccessKeyId"
            case accessKeySecret = "AccessKeySecret"
            case securityToken = "SecurityToken"
            case expiration = "Expiration"
        }
    }

    private static func decodeCredential(_ body: Data, role: String) throws(CredentialError) -> Credential {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: body) else {
            throw .metadataBadResponse("answered with something other than JSON for RAM role \"\(role)\"")
        }
        guard payload.code == "Success" else {
            throw .metadataBadResponse("answered Code \"\(payload.code ?? "")\" for RAM role \"\(role)\"")
        }
        let fields: [(String, String?)] = [
            ("AccessKeyId", payload.accessKeyId), ("AccessKeySecret", payload.accessKeySecret),
            ("SecurityToken", payload.securityToken), ("Expiration", payload.expiration),
        ]
        let missing = fields.filter { $0.1?.isEmpty ?? true }.map(\.0)
        guard missing.isEmpty, let id = payload.accessKeyId, let secret = payload.accessKeySecret,
            let token = payload.securityToken, let expirationText = payload.expiration
        else {
            throw .metadataBadResponse(
                "answered without \(missing.joined(separator: ", ")) for RAM role \"\(role)\"")
        }
        guard let expiration = parseTimestamp(expirationText) else {
            throw .metadataBadResponse(
                "answered an Expiration that is not an ISO 8601 time (\(expirationText)) for RAM role \"\(role)\"")
        }
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: expiration)
    }

    private static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
