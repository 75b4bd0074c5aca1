/// Where RPC requests go: scheme, host and optional port, without a path.
///
/// Resolution follows the official SDKs: an explicit endpoint wins, then the product's per-region
/// table, then `ecs.<region>.aliyuncs.com`. HTTPS unless the user says otherwise.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String = "https", host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses what a user types: `host`, `host:port`, `http://host:port`, `https://host/`.
    /// A bare host means HTTPS.
    public init(parsing text: String) throws(EndpointError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var scheme = "https"
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
            guard scheme == "http" || scheme == "https" else {
                throw EndpointError(text: text, reason: "scheme \"\(scheme)\" is not supported (use http or https)")
            }
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("@") else {
            throw EndpointError(
                text: text, reason: "an endpoint is a scheme, host and port only, without path or query")
        }
        var port: Int?
        var host = rest
        if host.hasPrefix("[") {  // [::1]:8080
            guard let close = host.firstIndex(of: "]") else {
                throw EndpointError(text: text, reason: "unterminated IPv6 address")
            }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Self.parsePort(after.dropFirst()) ?? -1 }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            port = Self.parsePort(host[host.index(after: colon)...]) ?? -1
            host = host[..<colon]
        }
        guard port != -1 else { throw EndpointError(text: text, reason: "the port must be a number from 1 to 65535") }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-.[]:".contains($0) }) else {
            throw EndpointError(text: text, reason: "\"\(host)\" is not a host name")
        }
        self.init(scheme: scheme, host: String(host).lowercased(), port: port)
    }

    /// The ECS endpoint of a region, as the official SDKs choose it.
    public static func ecs(region: String) -> Endpoint {
        Endpoint(host: ecsEndpointTable[region] ?? "ecs.\(region).aliyuncs.com")
    }

    /// `scheme://host[:port]`, the base every request URL starts with.
    public var baseURL: String {
        port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// The `host` header value: the host, with the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// Whether the host is this machine (127.0.0.0/8, `localhost`, `::1`); plain HTTP is fine there.
    public var isLoopback: Bool { LoopbackHost.contains(host) }

    public var isSecure: Bool { scheme == "https" }

    public var description: String { baseURL }

    private static func parsePort(_ text: Substring) -> Int? {
        guard let port = Int(text), (1...65535).contains(port) else { return nil }
        return port
    }
}

/// An endpoint the user typed that is not one.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "invalid endpoint \"\(text)\": \(reason)" }
}

/// The regions whose ECS endpoint is not `ecs.<region>.aliyuncs.com`, from the official SDKs' table.
private let ecsEndpointTable: [String: String] = [
    "cn-hangzhou": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shanghai-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shenzhen-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-north-2-gov-1": "ecs.aliyuncs.com",
    "ap-northeast-2-pop": "ecs.aliyuncs.com",
    "cn-beijing-finance-pop": "ecs.aliyuncs.com",
    "cn-beijing-gov-1": "ecs.aliyuncs.com",
    "cn-beijing-nu16-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-edge-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
    "cn-fujian": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-haidian-cm12-c01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-bj-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-finance": "ecs.aliyuncs.com",
    "cn-hangzhou-internal-prod-1": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-internal-test-2": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-internal-test-3": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-test-306": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-hongkong-finance-pop": "ecs.aliyuncs.com",
    "cn-huhehaote-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
    "cn-shanghai-et15-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shanghai-et2-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shanghai-inner": "ecs.aliyuncs.com",
    "cn-shanghai-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shenzhen-inner": "ecs.aliyuncs.com",
    "cn-shenzhen-st4-d01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-shenzhen-su18-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-wuhan": "ecs.aliyuncs.com",
    "cn-yushanfang": "ecs.aliyuncs.com",
    "cn-zhangbei": "ecs.aliyuncs.com",
    "cn-zhangbei-na61-b01": "ecs-cn-hangzhou.aliyuncs.com",
    "cn-zhangjiakou-na62-a01": "ecs.cn-zhangjiakou.aliyuncs.com",
    "cn-zhengzhou-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
    "eu-west-1-oxs": "ecs.cn-shenzhen-cloudstone.aliyuncs.com",
    "rus-west-1-pop": "ecs.aliyuncs.com",
]
