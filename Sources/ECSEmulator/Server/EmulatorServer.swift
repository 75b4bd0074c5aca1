public import AliyunCore
import Foundation

/// `ecsh serve`: the emulator behind libmicrohttpd on a local port, for the official SDKs, curl and tests.
///
/// Each request may first meet an injected fault (`--faults`): throttling, a 500, a 503, a connection
/// dropped before the call is applied, or one dropped after it was applied; plus a fixed latency.
/// Mutating calls are written to the `--log` file with the password redacted.
public final class EmulatorServer: Sendable {
    public let emulator: Emulator
    private let server: HTTPServer
    private let faults: FaultInjector?
    private let latency = InterruptibleDelay()

    /// - Parameters:
    ///   - host: the address to listen on; 127.0.0.1 unless the user asks otherwise.
    ///   - port: 0 picks a free port.
    public init(
        world: World, host: String = "127.0.0.1", port: UInt16 = 0, clock: any Clock = SystemClock(),
        faults: FaultInjector? = nil, log: MutationLog? = nil, limits: HTTPServer.Limits = HTTPServer.Limits()
    ) {
        var observer: (@Sendable (Emulator.Call) -> Void)?
        if let log { observer = { log.record($0) } }
        let emulator = Emulator(world: world, clock: clock, observer: observer)
        self.emulator = emulator
        self.faults = faults
        let latency = latency
        self.server = HTTPServer(host: host, port: port, limits: limits) { request, _ in
            Self.answer(request, emulator: emulator, faults: faults, latency: latency)
        }
    }

    deinit { stop() }

    /// Starts listening; returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        latency.rearm()
        return try server.start()
    }

    /// Stops listening and closes every connection; requests waiting out an injected latency are dropped
    /// at once rather than waited for.
    public func stop() {
        latency.interrupt()
        server.stop()
    }

    public var port: UInt16? { server.port }

    /// Requests read but not yet answered (for tests).
    var requestsInProgress: Int { server.requestsInProgress }

    private static func answer(
        _ request: HTTPRequest, emulator: Emulator, faults: FaultInjector?, latency: InterruptibleDelay
    ) -> HTTPServer.Reply {
        guard let faults else { return .response(emulator.handle(request)) }
        if faults.spec.latencyMilliseconds > 0 {
            // Interrupted: the server is stopping, and the connection with it.
            guard latency.wait(milliseconds: faults.spec.latencyMilliseconds) else { return .dropConnection }
        }
        let injected: APIError
        switch faults.nextFault() {
        case nil:
            return .response(emulator.handle(request))
        case .dropBefore:
            return .dropConnection
        case .dropAfter:
            _ = emulator.handle(request)
            return .dropConnection
        case .throttle:
            injected = APIError(
                code: "Throttling", message: "Request was denied due to request throttling.", httpStatus: 400,
                headers: ["x-acs-retry-after": "200"])
        case .error500:
            injected = APIError(
                code: "InternalError",
                message: "The request processing has failed due to some unknown error, exception or failure.",
                httpStatus: 500)
        case .unavailable:
            injected = APIError(
                code: "ServiceUnavailable", message: "The request has failed due to a temporary failure of the server.",
                httpStatus: 503)
        }
        return .response(emulator.reject(request, with: injected))
    }
}
