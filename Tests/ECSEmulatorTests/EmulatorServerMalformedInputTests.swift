import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// Bytes no SDK would send, on a raw socket to `ecsh serve`: each gets an error answer (from the
/// emulator, with an API error body, or from libmicrohttpd for what is not HTTP), and the next client is
/// served as usual. Connections left idle or half-written are closed.
@Suite(.timeLimit(.minutes(1)))
struct EmulatorServerMalformedInputTests {
    /// One malformed request and the answer it should get.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: Data
        var status: Int
        /// The API error code of the body, when the emulator answers; `nil` when libmicrohttpd does.
        var code: String?

        init(_ name: String, _ bytes: Data, status: Int, code: String? = nil) {
            self.name = name
            self.bytes = bytes
            self.status = status
            self.code = code
        }

        init(_ name: String, _ text: String, status: Int, code: String? = nil) {
            self.init(name, Data(text.utf8), status: status, code: code)
        }

        var testDescription: String { name }
    }

    static let limits = HTTPServer.Limits(maxBodyBytes: 4096, maxHeaderBytes: 16 << 10)
    static let signedLooking = "Action=DescribeRegions&Version=2014-05-26&Format=JSON&AccessKeyId=sandbox"

    static let cases: [Case] = [
        Case(
            "bad percent-encoding in the query", "POST /?\(signedLooking)&RegionId=%zz HTTP/1.1\r\nHost: h\r\n\r\n",
            status: 400, code: "InvalidParameter"),
        Case(
            "a cut-off percent escape", "GET /?Action=Describe%2 HTTP/1.1\r\nHost: h\r\n\r\n", status: 400,
            code: "InvalidParameter"),
        Case(
            "percent escapes that are not UTF-8", "GET /?Action=%FF%FE&Format=JSON HTTP/1.1\r\nHost: h\r\n\r\n",
            status: 400, code: "InvalidParameter"),
        Case(
            "raw bytes that are not UTF-8",
            Data("GET /?Action=DescribeRegions&Version=2014-05-26&Format=JSON&X=".utf8) + Data([0xFF])
                + Data(" HTTP/1.1\r\nHost: h".utf8) + Data([0xFE]) + Data("\r\n\r\n".utf8),
            status: 400, code: "MissingAccessKeyId"),
        Case("a request line without HTTP version", "GET /?Action=DescribeRegions\r\n\r\n", status: 400),
        Case("an HTTP version that does not exist", "GET / HTTP/9.9\r\nHost: h\r\n\r\n", status: 505),
        Case(
            "an absurdly long URL",
            "GET /?Action=\(String(repeating: "A", count: 100_000)) HTTP/1.1\r\nHost: h\r\n\r\n",
            status: 414),
        Case(
            "one oversized header",
            "GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(String(repeating: "b", count: 20_000))\r\n\r\n",
            status: 431),
        Case(
            "thousands of headers",
            "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<2000).map { "X-H\($0): v\r\n" }.joined() + "\r\n", status: 431),
        Case(
            "a declared body over the limit",
            "POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nContent-Length: 5000\r\n\r\n", status: 413),
        Case(
            "a chunked body over the limit",
            "POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n"
                + String(repeating: "x", count: 5000) + "\r\n0\r\n\r\n", status: 413),
        Case(
            "a Content-Length that is not a number", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n",
            status: 400),
        Case(
            "chunk sizes that are not hex",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", status: 400),
        Case(
            "a form body that is garbage",
            Data(
                "POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\n%%%&&==%G"
                    .utf8) + Data([0xFF, 0xFE]),
            status: 400, code: "InvalidParameter"),
        Case(
            "a form body that is not UTF-8",
            Data(
                "POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\n\r\n"
                    .utf8) + Data([0xC3, 0x28, 0xFF, 0x3D]),
            status: 400, code: "InvalidParameter"),
        Case(
            "an unknown path", "GET /nothing/here?Format=JSON HTTP/1.1\r\nHost: h\r\n\r\n", status: 404,
            code: "InvalidAction.NotFound"),
        Case(
            "an unsupported method", "DELETE /?Format=JSON HTTP/1.1\r\nHost: h\r\n\r\n", status: 400,
            code: "UnsupportedHTTPMethod"),
        Case(
            "a v3 Authorization that is garbage",
            "POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nAuthorization: ACS3-HMAC-SHA256 garbage\r\n"
                + "x-acs-action: DescribeRegions\r\nx-acs-version: 2014-05-26\r\nContent-Length: 0\r\n\r\n",
            status: 400, code: "IncompleteSignature"),
    ]

    @Test(arguments: cases)
    func aMalformedRequestIsAnsweredAndTheServerCarriesOn(_ input: Case) async throws {
        let served = try ServedEmulator(limits: Self.limits)
        let connection = try RawHTTPConnection(port: served.port)
        try connection.send(input.bytes)
        let answer = try #require(try connection.readResponse(), "the server hung up without an answer")

        #expect(answer.hasPrefix("HTTP/1.1 \(input.status) "), "\(answer.prefix(200))")
        if let code = input.code {
            #expect(
                answer.contains(#""Code":"\#(code)""#) || answer.contains("<Code>\(code)</Code>"),
                "\(answer.prefix(400))")
            #expect(answer.lowercased().contains("\r\nx-acs-request-id: "))
        }
        let next = try await served.client().call("DescribeRegions")
        #expect(next["Regions"] != nil)
    }

    /// A first line without even a space is not taken for HTTP: no answer, and the server carries on.
    @Test func garbageIsHungUpOnAndTheServerCarriesOn() async throws {
        let served = try ServedEmulator(limits: Self.limits)
        let connection = try RawHTTPConnection(port: served.port)
        try connection.send(Data([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1]) + Data("\r\n\r\n".utf8))

        #expect(try connection.readResponse() == nil)
        let next = try await served.client().call("DescribeRegions")
        #expect(next["Regions"] != nil)
    }

    /// A client that goes away in the middle of its body leaves nothing behind.
    @Test func aBodyCutShortLeavesTheServerServing() async throws {
        let served = try ServedEmulator(limits: Self.limits)
        do {
            let connection = try RawHTTPConnection(port: served.port)
            try connection.send("POST /?Format=JSON HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\nonly a little")
        }  // closed here
        let next = try await served.client().call("DescribeRegions")
        #expect(next["Regions"] != nil)
    }

    /// Clients holding every connection the server allows shut others out (the server resets them), but
    /// only while they hold them. The last call may need a retry or two while the server notices the
    /// closed connections, hence the retry policy.
    @Test func connectionsBeyondTheLimitAreRefusedUntilOthersClose() async throws {
        let served = try ServedEmulator(limits: HTTPServer.Limits(maxConnections: 2))
        do {
            let held = [try RawHTTPConnection(port: served.port), try RawHTTPConnection(port: served.port)]
            let refused = await #expect(throws: RPCError.self) { try await served.client().call("DescribeRegions") }
            #expect((refused?.underlying as? TransportError)?.kind == .connectionLost)
            #expect(held.count == 2)
        }  // the held connections close here

        let client = served.client(retryPolicy: .jitter(maxAttempts: 10, base: .milliseconds(20)))
        let next = try await client.call("DescribeRegions")
        #expect(next["Regions"] != nil)
    }

    /// Idle connections are closed after `idleTimeout`: one that never spoke, one kept alive after its
    /// answer, and one whose request stopped halfway. The receive timeout (5 s) only bounds the wait.
    @Test func idleConnectionsAreClosed() throws {
        let served = try ServedEmulator(limits: HTTPServer.Limits(idleTimeout: 1))
        let silent = try RawHTTPConnection(port: served.port, timeout: 5)
        let keptAlive = try RawHTTPConnection(port: served.port, timeout: 5)
        try keptAlive.send("GET /?Format=JSON HTTP/1.1\r\nHost: h\r\n\r\n")
        let answer = try #require(try keptAlive.readResponse())
        #expect(answer.hasPrefix("HTTP/1.1 400 "))
        #expect(!answer.lowercased().contains("connection: close"))
        let halfWritten = try RawHTTPConnection(port: served.port, timeout: 5)
        try halfWritten.send("GET / HTTP/1.1\r\nHost: h\r\nX-Slow:")

        #expect(silent.isClosedByPeer())
        #expect(keptAlive.isClosedByPeer())
        #expect(halfWritten.isClosedByPeer())
    }
}
