import AliyunCore
import Foundation
import TestSupport
import Testing

@testable import ECSEmulator

/// The libmicrohttpd server as a client sees it, partly through a raw socket.
@Suite(.timeLimit(.minutes(1)))
struct HTTPServerTests {
    @Test func handlerSeesTheRawTargetHeaderNamesAndClient() throws {
        let server = try RecordingServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET /a/b%2Fc?x=%zz&y=a+b&z=%2A&w=%20 HTTP/1.1\r\nHost: h\r\nX-Mixed-Case: V 1\r\n\r\n")
        let answer = try #require(try connection.readResponse())

        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        let received = try #require(server.received.first)
        #expect(received.request.method == "GET")
        #expect(received.request.url == "/a/b%2Fc?x=%zz&y=a+b&z=%2A&w=%20")
        #expect(received.request.headers["X-Mixed-Case"] == "V 1")
        #expect(received.client?.address == "127.0.0.1")
        #expect(received.client?.port != 0)
    }

    @Test func repeatedHeadersAreJoined() throws {
        let server = try RecordingServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET / HTTP/1.1\r\nHost: h\r\nX-Twice: 1\r\nX-Twice: 2\r\n\r\n")
        _ = try connection.readResponse()

        #expect(server.received.first?.request.headers["X-Twice"] == "1, 2")
    }

    @Test func responseHeadersGoOutWithUsualCapitals() throws {
        let server = try RecordingServer { _ in
            .response(HTTPResponse(status: 404, headers: ["x-acs-request-id": "r-9"], body: Data("{}".utf8)))
        }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        let answer = try #require(try connection.readResponse())

        #expect(answer.hasPrefix("HTTP/1.1 404 "))
        #expect(answer.contains("\r\nX-Acs-Request-Id: r-9\r\n"))
        #expect(answer.contains("\r\nContent-Length: 2\r\n"))
        #expect(answer.hasSuffix("\r\n\r\n{}"))
    }

    @Test func chunkedBodyIsReassembled() throws {
        let server = try RecordingServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(
            "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        let answer = try #require(try connection.readResponse())

        #expect(answer.hasPrefix("HTTP/1.1 200 "))
        #expect(server.received.first?.request.body == Data("hello world".utf8))
    }

    @Test func bodyOverTheLimitIs413AndNeverReachesTheHandler() async throws {
        let server = try RecordingServer(limits: .init(maxBodyBytes: 1000))
        let transport = CurlTransport()
        let tooBig = try await transport.send(
            HTTPRequest(method: "POST", url: server.url("/"), body: Data(repeating: 65, count: 1001)))
        let fits = try await transport.send(
            HTTPRequest(method: "POST", url: server.url("/"), body: Data(repeating: 65, count: 1000)))

        #expect(tooBig.status == 413)
        #expect(fits.status == 200)
        #expect(server.received.map(\.request.body.count) == [1000])
    }

    @Test func chunkedBodyOverTheLimitIs413() throws {
        let server = try RecordingServer(limits: .init(maxBodyBytes: 8))
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        let answer = try #require(try connection.readResponse())

        #expect(answer.hasPrefix("HTTP/1.1 413 "))
        #expect(server.received.isEmpty)
    }

    @Test func requestLineAndHeadersOverTheLimitAreRefused() throws {
        let server = try RecordingServer(limits: .init(maxHeaderBytes: 16 << 10))
        let long = String(repeating: "a", count: 20_000)
        let bigHeader = try RawHTTPConnection(port: server.port)
        try bigHeader.send("GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(long)\r\n\r\n")
        let longTarget = try RawHTTPConnection(port: server.port)
        try longTarget.send("GET /\(long) HTTP/1.1\r\nHost: h\r\n\r\n")
        let fits = try RawHTTPConnection(port: server.port)
        try fits.send("GET /\(long.prefix(8000)) HTTP/1.1\r\nHost: h\r\nX-Big: \(long.prefix(4000))\r\n\r\n")

        #expect(try bigHeader.readResponse()?.hasPrefix("HTTP/1.1 431 ") == true)
        #expect(try longTarget.readResponse()?.hasPrefix("HTTP/1.1 414 ") == true)
        #expect(try fits.readResponse()?.hasPrefix("HTTP/1.1 200 ") == true)
        #expect(server.received.count == 1)
    }

    @Test(arguments: [
        "GET / FOO/1.1\r\nHost: h\r\n\r\n",
        "GET /x HTTP/1.1 extra\r\nHost: h\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n",
    ])
    func malformedRequestIs400AndTheServerCarriesOn(input: String) async throws {
        let server = try RecordingServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(input)
        let answer = try #require(try connection.readResponse())

        #expect(answer.hasPrefix("HTTP/1.1 400 "))
        #expect(answer.contains("\r\nConnection: close\r\n"))
        #expect(server.received.isEmpty)
        let next = try await CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/after")))
        #expect(next.status == 200)
        #expect(server.received.map(\.request.url) == ["/after"])
    }

    /// A first line without even a space is not taken for HTTP: libmicrohttpd just hangs up.
    @Test func requestLineWithoutSpacesIsHungUpOn() async throws {
        let server = try RecordingServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GARBAGE\r\n\r\n")

        #expect(try connection.readResponse() == nil)
        let next = try await CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/after")))
        #expect(next.status == 200)
        #expect(server.received.map(\.request.url) == ["/after"])
    }

    @Test func dropConnectionClosesWithoutAnAnswer() throws {
        let server = try RecordingServer { _ in .dropConnection }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")

        #expect(try connection.readResponse() == nil)
        #expect(server.received.count == 1)
    }

    @Test func stoppedServerRefusesAndANewOneStarts() async throws {
        let first = HTTPServer { _, _ in .response(HTTPResponse(status: 204)) }
        let port = try first.start()
        #expect(first.port == port)
        #expect(try await status(port) == 204)
        first.stop()

        #expect(first.port == nil)
        #expect(first.requestsInProgress == 0)
        let refused = await transportError {
            try await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
        }
        #expect(refused?.kind == .connectFailed)

        let second = HTTPServer(port: port) { _, _ in .response(HTTPResponse(status: 201)) }
        #expect(try second.start() == port)
        #expect(try await status(port) == 201)
        second.stop()

        let restarted = try first.start()
        #expect(try await status(restarted) == 204)
        first.stop()
    }

    @Test func aPortInUseCannotBeTaken() throws {
        let server = try RecordingServer()
        let second = HTTPServer(port: server.port) { _, _ in .dropConnection }

        #expect(throws: HTTPServer.StartError.self) { try second.start() }
    }

    @Test func stopWithKeptAliveConnectionsLeavesNothingBehind() async throws {
        let server = HTTPServer { _, _ in .response(HTTPResponse(status: 200)) }
        let port = try server.start()
        let transport = CurlTransport()
        for _ in 0..<5 {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
        }
        server.stop()

        #expect(server.requestsInProgress == 0)
        #expect(transport.connectionsOpened == 1)
    }
}

/// The status of `GET /` on 127.0.0.1:`port`, through a fresh transport.
private func status(_ port: UInt16) async throws -> Int {
    try await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/")).status
}
