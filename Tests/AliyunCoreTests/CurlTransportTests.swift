import CCurl
import Dispatch
import ECSEmulator
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AliyunCore

/// What `CurlTransport` puts on the wire and how it reports failures, against a local server.
@Suite(.timeLimit(.minutes(1)))
struct CurlTransportTests {
    // MARK: - What arrives

    @Test func getArrivesExactlyAsGiven() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        let target = "/path/x?Format=JSON&Signature=a%2Bb%3D&Star=%2A&Space=%20&Plus=a+b&Empty=&Tilde=~"
        let response = try await transport.send(
            HTTPRequest(
                method: "GET", url: server.url(target),
                headers: ["x-acs-action": "DescribeDisks", "Accept": "application/json", "X-Empty": ""]))

        #expect(response.status == 200)
        let received = try #require(server.received.first)
        #expect(server.received.count == 1)
        #expect(received.request.method == "GET")
        #expect(received.request.url == target)
        #expect(received.request.headers["x-acs-action"] == "DescribeDisks")  // name as sent
        #expect(received.header("Accept") == "application/json")  // one value: no `*/*` added
        #expect(received.header("X-Empty") == "")
        #expect(received.header("User-Agent") == "ecsh/0.1")
        #expect(received.header("Host") == "127.0.0.1:\(server.port)")
        #expect(received.header("Expect") == nil)
        #expect(received.header("Content-Length") == nil)
        #expect(received.header("Content-Type") == nil)
        #expect(received.request.body.isEmpty)
    }

    @Test func postArrivesExactlyAsGiven() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        let body = Data("Action=ReInitDisk&DiskId=d-bp1&Password=a%2Bb%3D".utf8)
        _ = try await transport.send(
            HTTPRequest(
                method: "POST", url: server.url("/?Version=2014-05-26"),
                headers: ["Content-Type": "application/x-www-form-urlencoded", "x-acs-signature-nonce": "n-1"],
                body: body))

        let received = try #require(server.received.first)
        #expect(received.request.method == "POST")
        #expect(received.request.url == "/?Version=2014-05-26")
        #expect(received.request.body == body)
        #expect(received.header("Content-Length") == "\(body.count)")
        #expect(received.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(received.header("x-acs-signature-nonce") == "n-1")
        #expect(received.header("Expect") == nil)
    }

    @Test func emptyPostSendsContentLengthZeroAndNoContentType() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        _ = try await transport.send(HTTPRequest(method: "POST", url: server.url("/?Action=DescribeRegions")))

        let received = try #require(server.received.first)
        #expect(received.request.method == "POST")
        #expect(received.header("Content-Length") == "0")
        #expect(received.header("Content-Type") == nil)
        #expect(received.request.body.isEmpty)
    }

    /// Method, body and `Content-Length` as they arrive; `nil` means no such header.
    @Test(
        arguments: [
            ("PUT", "", "0"),
            ("PUT", "k=v", "3"),
            ("DELETE", "", nil),
            ("DELETE", "x", "1"),
            ("PATCH", "{}", "2"),
            ("OPTIONS", "", nil),
            ("GET", "q", "1"),
        ] as [(String, String, String?)])
    func methodAndBodyArriveExactly(method: String, body: String, contentLength: String?) async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        _ = try await transport.send(HTTPRequest(method: method, url: server.url("/m"), body: Data(body.utf8)))

        let received = try #require(server.received.first)
        #expect(received.request.method == method)
        #expect(received.request.body == Data(body.utf8))
        #expect(received.header("Content-Length") == contentLength)
        #expect(received.header("Content-Type") == nil)
    }

    @Test func headRequestGetsHeadersWithoutBody() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        let response = try await transport.send(HTTPRequest(method: "HEAD", url: server.url("/h")))

        #expect(server.received.first?.request.method == "HEAD")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test func requestUserAgentReplacesTheDefault() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport(options: .init(userAgent: "default/1"))
        _ = try await transport.send(HTTPRequest(method: "GET", url: server.url("/a")))
        _ = try await transport.send(
            HTTPRequest(method: "GET", url: server.url("/b"), headers: ["User-Agent": "AlibabaCloud (Linux) ecsh"]))

        #expect(server.received.map { $0.header("User-Agent") } == ["default/1", "AlibabaCloud (Linux) ecsh"])
    }

    /// libcurl would add `Expect: 100-continue` to bodies over 1 MiB and wait for the server's go-ahead.
    @Test func largeBodyArrivesWholeWithoutExpectContinue() async throws {
        let server = try RecordingServer(limits: .init(maxBodyBytes: 4 << 20))
        let transport = CurlTransport()
        let body = Data((0..<1_500_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        _ = try await transport.send(HTTPRequest(method: "POST", url: server.url("/big"), body: body))

        let received = try #require(server.received.first)
        #expect(received.request.body == body)
        #expect(received.header("Expect") == nil)
    }

    // MARK: - What comes back

    @Test func responseStatusHeadersAndBodyAreDecoded() async throws {
        let body = Data(#"{"Code":"Forbidden.RAM","RequestId":"r-1"}"#.utf8)
        let server = try RecordingServer { _ in
            .response(
                HTTPResponse(
                    status: 403,
                    headers: ["X-Acs-Request-Id": "r-1", "Content-Type": "application/json"],
                    body: body))
        }
        let transport = CurlTransport()
        let response = try await transport.send(HTTPRequest(method: "GET", url: server.url("/")))

        #expect(response.status == 403)
        #expect(response.body == body)
        #expect(response.header("X-Acs-Request-Id") == "r-1")
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["content-length"] == "\(body.count)")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
    }

    // MARK: - Connections

    @Test func sequentialRequestsShareOneConnection() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        for index in 0..<20 {
            let response = try await transport.send(
                HTTPRequest(method: index.isMultiple(of: 2) ? "GET" : "POST", url: server.url("/?n=\(index)")))
            #expect(response.status == 200)
        }

        #expect(transport.connectionsOpened == 1)
        #expect(server.received.count == 20)
        #expect(Set(server.received.map { $0.client?.port }).count == 1)
        #expect(server.received.first?.client?.address == "127.0.0.1")
    }

    @Test func parallelRequestsAreInFlightTogether() async throws {
        let inFlight = Atomic<Int>(0)
        let mostInFlight = Atomic<Int>(0)
        let server = try RecordingServer { request in
            let now = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
            mostInFlight.max(now, ordering: .sequentiallyConsistent)
            usleep(200_000)
            inFlight.subtract(1, ordering: .sequentiallyConsistent)
            return RecordingServer.ok(request)
        }
        let transport = CurlTransport(options: .init(maxConnectionsPerHost: 8))
        let start = ContinuousClock.now
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try await transport.send(HTTPRequest(method: "POST", url: server.url("/?n=\(index)"))).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - start

        #expect(statuses == Array(repeating: 200, count: 16))
        #expect(mostInFlight.load(ordering: .sequentiallyConsistent) >= 2)
        #expect((2...8).contains(transport.connectionsOpened))
        print("16 requests of 200 ms each, in parallel: \(elapsed); \(transport.connectionsOpened) connections")
    }

    // MARK: - Failures, and whether the server may have the request

    @Test func timeoutAfterSendingIsTimedOutAndMayHaveBeenSent() async throws {
        let release = DispatchSemaphore(value: 0)
        let server = try RecordingServer { request in
            _ = release.wait(timeout: .now() + 10)
            return RecordingServer.ok(request)
        }
        defer { release.signal() }
        let transport = CurlTransport()
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: server.url("/slow"), timeout: 0.3))
        }

        #expect(error?.kind == .timedOut)
        #expect(error?.requestMayHaveBeenSent == true)
        #expect(error?.host == "127.0.0.1")
        #expect(server.received.count == 1)
    }

    @Test func refusedConnectionIsConnectFailedAndNotSent() async throws {
        let port = try unusedLocalPort()
        let transport = CurlTransport()
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/"))
        }

        #expect(error?.kind == .connectFailed)
        #expect(error?.requestMayHaveBeenSent == false)
        #expect(transport.connectionsOpened == 0)
    }

    @Test func connectTimeoutIsConnectFailedAndNotSent() async throws {
        let listener = try UnresponsiveListener()
        let transport = CurlTransport(options: .init(connectTimeout: 0.3))
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(listener.port)/"))
        }

        #expect(error?.kind == .connectFailed)
        #expect(error?.requestMayHaveBeenSent == false)
    }

    @Test func tlsHandshakeFailureIsConnectFailedAndNotSent() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: "https://127.0.0.1:\(server.port)/"))
        }

        #expect(error?.kind == .connectFailed)
        #expect(error?.requestMayHaveBeenSent == false)
        #expect(server.received.isEmpty)
    }

    @Test func droppedConnectionIsConnectionLostAndMayHaveBeenSent() async throws {
        let server = try RecordingServer { _ in .dropConnection }
        let transport = CurlTransport()
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: server.url("/?Action=ReInitDisk")))
        }

        #expect(error?.kind == .connectionLost)
        #expect(error?.requestMayHaveBeenSent == true)
        #expect(server.received.count == 1)
    }

    /// libcurl on its own resends a request when a kept-alive connection closes without an answer;
    /// the server may have acted on the first copy, so the transport refuses the resend.
    @Test func requestIsNeverSentTwiceWhenAKeptAliveConnectionDrops() async throws {
        let count = Atomic<Int>(0)
        let server = try RecordingServer { request in
            count.add(1, ordering: .sequentiallyConsistent).newValue == 2
                ? .dropConnection : RecordingServer.ok(request)
        }
        let transport = CurlTransport()
        _ = try await transport.send(HTTPRequest(method: "POST", url: server.url("/?n=1")))
        let error = await transportError {
            try await transport.send(HTTPRequest(method: "POST", url: server.url("/?Action=ReInitDisk")))
        }

        #expect(error?.kind == .connectionLost)
        #expect(error?.requestMayHaveBeenSent == true)
        #expect(server.received.map(\.request.url) == ["/?n=1", "/?Action=ReInitDisk"])
    }

    @Test(arguments: [
        HTTPRequest(method: "GET", url: "ftp://127.0.0.1/file"),
        HTTPRequest(method: "GET", url: "file:///etc/passwd"),
        HTTPRequest(method: "GET", url: "http://exa mple.com/"),
        HTTPRequest(method: "GET", url: "not a url"),
        HTTPRequest(method: "GE T", url: "http://127.0.0.1/"),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/", headers: ["X-A": "1\r\nX-Injected: 1"]),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/", headers: ["Bad Name": "1"]),
    ])
    func malformedRequestsAreInvalidAndNotSent(request: HTTPRequest) async throws {
        let transport = CurlTransport()
        let error = await transportError { try await transport.send(request) }

        #expect(error?.kind == .invalidRequest)
        #expect(error?.requestMayHaveBeenSent == false)
    }

    @Test(arguments: [
        (
            "https://ecs.cn hangzhou.aliyuncs.com/?DiskId=d-1&Password=Abc123%21x&Signature=SIG",
            "ecs.cn hangzhou.aliyuncs.com"
        ),
        ("http://user:pw@exa mple.com:8080/path?SecurityToken=TOKEN", "exa mple.com:8080"),
        ("not a url?Password=Abc123%21x", "not a url"),
    ])
    func errorsNameTheHostButNeverTheQuery(url: String, host: String) async throws {
        let error = await transportError { try await CurlTransport().send(HTTPRequest(method: "POST", url: url)) }
        let message = try #require(error).description
        #expect(message.contains(host))
        for secret in ["Abc123", "SIG", "TOKEN", "pw@"] {
            #expect(!message.contains(secret))
        }
    }

    // MARK: - Cancellation and shutdown

    @Test func cancellingTheTaskMidRequestThrowsCancelled() async throws {
        let release = DispatchSemaphore(value: 0)
        let server = try RecordingServer { request in
            _ = release.wait(timeout: .now() + 10)
            return RecordingServer.ok(request)
        }
        defer { release.signal() }
        let transport = CurlTransport()
        let task = Task { try await transport.send(HTTPRequest(method: "POST", url: server.url("/hang"))) }
        try await waitUntil { server.received.count == 1 }
        task.cancel()
        let error = await transportError { try await task.value }

        #expect(error?.kind == .cancelled)
    }

    @Test func aTaskCancelledBeforeSendingSendsNothing() async throws {
        let server = try RecordingServer()
        let transport = CurlTransport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(HTTPRequest(method: "POST", url: server.url("/")))
        }
        let error = await transportError { try await task.value }

        #expect(error?.kind == .cancelled)
        #expect(server.received.isEmpty)
    }

    @Test func shutdownFailsCallsInFlightAndLaterCalls() async throws {
        let release = DispatchSemaphore(value: 0)
        let server = try RecordingServer { request in
            _ = release.wait(timeout: .now() + 10)
            return RecordingServer.ok(request)
        }
        defer { release.signal() }
        let transport = CurlTransport()
        let task = Task { try await transport.send(HTTPRequest(method: "GET", url: server.url("/hang"))) }
        try await waitUntil { server.received.count == 1 }
        transport.shutdown()
        let inFlight = await transportError { try await task.value }
        let later = await transportError { try await transport.send(HTTPRequest(method: "GET", url: server.url())) }

        #expect(inFlight?.kind == .cancelled)
        #expect(later?.kind == .cancelled)
        #expect(server.received.count == 1)
    }

    @Test func transportsComeAndGoCleanly() async throws {
        let server = try RecordingServer()
        for _ in 0..<20 {
            let transport = CurlTransport()
            #expect(try await transport.send(HTTPRequest(method: "GET", url: server.url())).status == 200)
        }
        #expect(Set(server.received.map { $0.client?.port }).count == 20)
    }

    // MARK: - Error mapping

    @Test(arguments: [
        (CURLE_COULDNT_RESOLVE_HOST, false, TransportError.Kind.connectFailed),
        (CURLE_COULDNT_CONNECT, false, .connectFailed),
        (CURLE_OPERATION_TIMEDOUT, false, .connectFailed),
        (CURLE_SSL_CONNECT_ERROR, false, .connectFailed),
        (CURLE_PEER_FAILED_VERIFICATION, false, .connectFailed),
        (CURLE_RECV_ERROR, false, .connectFailed),
        (CURLE_OPERATION_TIMEDOUT, true, .timedOut),
        (CURLE_RECV_ERROR, true, .connectionLost),
        (CURLE_SEND_ERROR, true, .connectionLost),
        (CURLE_GOT_NOTHING, true, .connectionLost),
        (CURLE_PARTIAL_FILE, true, .connectionLost),
        (CURLE_HTTP2_STREAM, true, .connectionLost),
        (CURLE_URL_MALFORMAT, false, .invalidRequest),
        (CURLE_UNSUPPORTED_PROTOCOL, false, .invalidRequest),
    ])
    func curlCodesMapToKinds(code: CURLcode, requestStarted: Bool, kind: TransportError.Kind) {
        #expect(CurlTransport.errorKind(for: code, requestStarted: requestStarted) == kind)
    }
}

/// The `TransportError` an operation throws, or `nil` if it succeeds or throws something else.
func transportError(_ operation: () async throws -> HTTPResponse) async -> TransportError? {
    do {
        _ = try await operation()
        return nil
    } catch {
        return error as? TransportError
    }
}

/// Polls `condition` every 10 ms until it holds; throws after `seconds`.
func waitUntil(seconds: Double = 5, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimeoutWaiting() }
        try await Task.sleep(for: .milliseconds(10))
    }
}

struct TimeoutWaiting: Error {}
