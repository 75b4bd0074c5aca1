public import AliyunCore
import CMicroHTTPD
import Synchronization

/// A small HTTP/1.1 server over libmicrohttpd: every complete request goes to one handler, which
/// answers with a response or drops the connection.
///
/// - Each connection has a thread of its own, so a slow handler holds up only its own client.
/// - The handler sees the request target exactly as it came on the request line (path, `?` and the
///   raw query, nothing decoded), the headers with their names as sent, and the whole body.
/// - libmicrohttpd answers malformed requests itself (400; a first line without a space is just
///   hung up on), and request lines or headers larger than `Limits.maxHeaderBytes` (414 or 431);
///   a body over `Limits.maxBodyBytes` is answered 413 without calling the handler.
/// - Connections are kept alive, and closed after `Limits.idleTimeout` without traffic.
public final class HTTPServer: Sendable {
    /// The client end of a connection.
    public struct ConnectionInfo: Sendable, Equatable, CustomStringConvertible {
        public var address: String
        public var port: UInt16

        public init(address: String, port: UInt16) {
            self.address = address
            self.port = port
        }

        public var description: String { address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)" }
    }

    /// What the handler wants done with a request.
    public enum Reply: Sendable, Equatable {
        /// Send this response. `Content-Length` is computed; other headers are sent with their names
        /// capitalised (`X-Acs-Request-Id`), except those with an empty value, which libmicrohttpd drops.
        case response(HTTPResponse)
        /// Close the connection without answering, as a crashed or unplugged server would.
        case dropConnection
    }

    /// Bounds on what one client can make the server hold.
    public struct Limits: Sendable, Equatable {
        /// Largest request body; larger ones are answered 413.
        public var maxBodyBytes: Int
        /// Most connections open at once; more are refused.
        public var maxConnections: Int
        /// Seconds a connection may sit idle before it is closed; 0 for never.
        public var idleTimeout: Int
        /// Memory per connection for the request line and headers (libmicrohttpd's pool).
        public var maxHeaderBytes: Int

        public init(
            maxBodyBytes: Int = 1 << 20, maxConnections: Int = 64, idleTimeout: Int = 30, maxHeaderBytes: Int = 32 << 10
        ) {
            self.maxBodyBytes = maxBodyBytes
            self.maxConnections = maxConnections
            self.idleTimeout = idleTimeout
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Called on the connection's thread for each complete request; must be safe to call from
    /// several threads at once.
    public typealias Handler = @Sendable (HTTPRequest, ConnectionInfo?) -> Reply

    public let host: String
    public let requestedPort: UInt16
    public let limits: Limits
    private let core: HTTPServerCore
    private let logErrors: Bool
    private let daemon = Mutex<RunningDaemon?>(nil)

    /// A started daemon. Why @unchecked: the pointer is only used under `daemon`'s lock, or after
    /// being taken out of it by `stop`, which is then its only user.
    private struct RunningDaemon: @unchecked Sendable {
        let pointer: OpaquePointer
        let port: UInt16
    }

    /// - Parameters:
    ///   - host: a numeric IPv4 or IPv6 address to listen on.
    ///   - port: the port, or 0 for any free one (see `start()`'s result).
    ///   - logErrors: let libmicrohttpd print its own errors on standard error.
    public init(
        host: String = "127.0.0.1", port: UInt16 = 0, limits: Limits = Limits(), logErrors: Bool = false,
        handler: @escaping Handler
    ) {
        self.host = host
        requestedPort = port
        self.limits = limits
        self.logErrors = logErrors
        core = HTTPServerCore(handler: handler, maxBodyBytes: limits.maxBodyBytes)
    }

    deinit { stop() }

    /// The port listened on, while running.
    public var port: UInt16? { daemon.withLock { $0?.port } }

    /// Starts listening and returns the bound port. Does nothing but return the port if running.
    @discardableResult
    public func start() throws -> UInt16 {
        try daemon.withLock { running in
            if let running { return running.port }
            let started = try startDaemon()
            running = started
            return started.port
        }
    }

    /// Stops listening, closes every connection and waits for running handlers to return.
    public func stop() {
        // Not `$0.take()`: in debug builds Swift 6.3.1 then leaves this payload in the Mutex.
        let taken = daemon.withLock { running -> RunningDaemon? in
            defer { running = nil }
            return running
        }
        guard let running = taken else { return }
        MHD_stop_daemon(running.pointer)
    }

    /// Requests read but not yet finished (for tests: 0 once stopped).
    var requestsInProgress: Int { core.requestsInProgress.load(ordering: .relaxed) }

    private func startDaemon() throws -> RunningDaemon {
        var flags =
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_AUTO.rawValue
            | MHD_USE_ITC.rawValue
        if logErrors { flags |= MHD_USE_ERROR_LOG.rawValue }
        let context = Unmanaged.passUnretained(core).toOpaque()

        func start(_ address: UnsafeMutableRawPointer) -> OpaquePointer? {
            var options = [
                MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: address),
                MHD_OptionItem(option: .CONNECTION_LIMIT, value: max(1, limits.maxConnections), ptr_value: nil),
                MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: max(0, limits.idleTimeout), ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_MEMORY_LIMIT, value: max(4096, limits.maxHeaderBytes), ptr_value: nil),
                MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
            ]
            return options.withUnsafeMutableBufferPointer { items in
                ecsh_mhd_start_daemon(
                    flags, requestedPort, mhdAccess, context, mhdURILog, context, mhdCompleted, context,
                    items.baseAddress)
            }
        }

        let pointer: OpaquePointer?
        if host.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = requestedPort.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw StartError(description: "not a numeric IP address: \(host)")
            }
            flags |= MHD_USE_IPv6.rawValue
            pointer = withUnsafeMutableBytes(of: &address) { start($0.baseAddress!) }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = requestedPort.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw StartError(description: "not a numeric IP address: \(host)")
            }
            pointer = withUnsafeMutableBytes(of: &address) { start($0.baseAddress!) }
        }
        guard let pointer else {
            throw StartError(description: "cannot listen on \(host) port \(requestedPort) (in use, or not allowed)")
        }
        let port = ecsh_mhd_bound_port(pointer)
        guard port != 0 else {
            MHD_stop_daemon(pointer)
            throw StartError(description: "cannot read the port bound on \(host)")
        }
        return RunningDaemon(pointer: pointer, port: port)
    }
}
