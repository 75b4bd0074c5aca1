public import AliyunCore
import Foundation
import Synchronization

/// The emulated ECS endpoint: takes an HTTP request as a client sends it, verifies it as the API
/// gateway does, runs the action against the world and answers as ECS answers.
///
/// What it reproduces, in order:
/// - the path must be `/`; the method GET or POST; the query (and an `application/x-www-form-urlencoded`
///   body) are read with form semantics (`+` is a space);
/// - signature v1 (`HMAC-SHA1`, everything in the query) or v3 (`ACS3-HMAC-SHA256` in `Authorization`),
///   recomputed with the real HTTP method; a mismatch answers `SignatureDoesNotMatch` with the server's
///   string to sign at the end of the message;
/// - the AccessKeyId, the STS token of temporary keys, the timestamp (15 minutes either way) and the
///   nonce (each accepted once per AccessKeyId while it could still be replayed);
/// - `Version` 2014-05-26 and a known `Action`; then the action's handler, with the world locked;
/// - JSON or XML bodies (`Format`, any case; default XML for v1, JSON for v3) with `RequestId`.
///
/// `handle` never throws: every failure is an API error response. Requests may come from many threads;
/// the world and the nonces live behind one lock, so concurrent calls neither lose nor tear updates.
public final class Emulator: Sendable {
    /// One call that reached an action's handler, reported to the observer after it ran.
    public struct Call: Sendable, Equatable {
        public var action: String
        /// The API parameters, secrets included: an observer that logs them must redact `Password`.
        public var parameters: [String: String]
        public var accessKeyId: String
        public var requestId: String
        /// Whether the action changes the world (`ecsh serve` logs these).
        public var isMutating: Bool
        public var httpStatus: Int
        /// The error code, `nil` on success.
        public var errorCode: String?

        public init(
            action: String, parameters: [String: String], accessKeyId: String, requestId: String, isMutating: Bool,
            httpStatus: Int, errorCode: String?
        ) {
            self.action = action
            self.parameters = parameters
            self.accessKeyId = accessKeyId
            self.requestId = requestId
            self.isMutating = isMutating
            self.httpStatus = httpStatus
            self.errorCode = errorCode
        }
    }

    /// Upper-case random UUIDs, as ECS's request ids are.
    public struct RandomRequestIds: NonceGenerator {
        public init() {}
        public func next() -> String { UUID().uuidString.uppercased() }
    }

    private struct State: Sendable {
        var world: World
        var nonces = NonceStore()
    }

    private let state: Mutex<State>
    private let clock: any Clock
    private let handlers: [String: any ActionHandler]
    private let verifier: RequestVerifier
    private let requestIds: any NonceGenerator
    private let observer: (@Sendable (Call) -> Void)?

    /// - Parameters:
    ///   - handlers: the actions answered; for two handlers of one action the first wins.
    ///   - requestIds: the source of `RequestId`s.
    ///   - observer: told of every call that reached a handler, after it ran, outside the lock.
    public init(
        world: World, clock: any Clock = SystemClock(), handlers: [any ActionHandler] = ActionHandlers.all,
        requestIds: any NonceGenerator = RandomRequestIds(), observer: (@Sendable (Call) -> Void)? = nil
    ) {
        self.state = Mutex(State(world: world))
        self.clock = clock
        let table = Dictionary(handlers.map { ($0.action, $0) }, uniquingKeysWith: { first, _ in first })
        self.handlers = table
        self.verifier = RequestVerifier(actions: Set(table.keys))
        self.requestIds = requestIds
        self.observer = observer
    }

    /// A copy of the world as it is now.
    public var world: World {
        state.withLock { $0.world }
    }

    /// Reads or changes the world under the lock, as a handler does.
    public func withWorld<Result: Sendable, Failure: Error>(
        _ body: (inout World) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.withLock { (state: inout State) throws(Failure) -> Result in try body(&state.world) }
    }

    /// The handler answering `action`, e.g. to ask whether it is mutating.
    public func handler(for action: String) -> (any ActionHandler)? {
        handlers[action]
    }

    /// How many signature nonces are remembered for replay detection (they expire; see `NonceStore`).
    public var rememberedNonceCount: Int {
        state.withLock { $0.nonces.count }
    }

    /// Answers one request. Never throws, whatever the input.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let requestId = requestIds.next()
        let now = clock.now()
        let incoming: IncomingRequest
        do {
            incoming = try IncomingRequest(request)
        } catch {
            let hostId = IncomingRequest.hostId(headers: request.headers)
            return ResponseRenderer.error(error, requestId: requestId, hostId: hostId, format: .json)
        }
        let format = incoming.responseFormat
        do throws(APIError) {
            guard incoming.path == "/" else { throw .actionNotFound }
            guard incoming.method == "GET" || incoming.method == "POST" else { throw .unsupportedHTTPMethod }
            let accounts = state.withLock { $0.world.accounts }
            let call = try verifier.verify(incoming, accounts: accounts, now: now)
            guard let handler = handlers[call.action] else { throw .actionNotFound }
            let body = try run(handler, call: call, requestId: requestId, now: now)
            return ResponseRenderer.success(action: call.action, body: body, requestId: requestId, format: format)
        } catch {
            return ResponseRenderer.error(error, requestId: requestId, hostId: incoming.hostId, format: format)
        }
    }

    /// Answers `request` with `error` without running it, rendered as `handle` renders errors: in the format
    /// and with the `HostId` the request asks for (JSON when the request cannot even be read). For errors
    /// that come from in front of the emulator, such as `ecsh serve`'s injected faults.
    func reject(_ request: HTTPRequest, with error: APIError) -> HTTPResponse {
        let requestId = requestIds.next()
        guard let incoming = try? IncomingRequest(request) else {
            let hostId = IncomingRequest.hostId(headers: request.headers)
            return ResponseRenderer.error(error, requestId: requestId, hostId: hostId, format: .json)
        }
        return ResponseRenderer.error(
            error, requestId: requestId, hostId: incoming.hostId, format: incoming.responseFormat)
    }

    /// Checks the nonce and runs the handler in one critical section, then reports the call.
    private func run(
        _ handler: any ActionHandler, call: VerifiedCall, requestId: String, now: Date
    ) throws(APIError) -> [String: JSONValue] {
        let request = ActionRequest(
            action: call.action, parameters: call.parameters, account: call.account, requestId: requestId, now: now)
        let outcome: Result<[String: JSONValue], APIError>? = state.withLock { state in
            guard
                state.nonces.insert(
                    call.nonce, accessKeyId: call.account.accessKeyId, timestamp: call.timestamp, now: now)
            else { return nil }
            do throws(APIError) {
                return .success(try handler.handle(request, in: &state.world))
            } catch {
                return .failure(error)
            }
        }
        guard let outcome else { throw .nonceUsed }
        if let observer {
            var failure: APIError?
            if case .failure(let error) = outcome { failure = error }
            observer(
                Call(
                    action: call.action, parameters: call.parameters, accessKeyId: call.account.accessKeyId,
                    requestId: requestId, isMutating: handler.isMutating, httpStatus: failure?.httpStatus ?? 200,
                    errorCode: failure?.code))
        }
        return try outcome.get()
    }
}
