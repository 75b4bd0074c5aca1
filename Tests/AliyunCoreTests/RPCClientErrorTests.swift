import AliyunCore
import Foundation
import TestSupport
import Testing

/// What the caller of `RPCClient` is told when a call fails.
struct RPCClientErrorTests {
    static let host = "ecs.cn-hangzhou.aliyuncs.com"

    // MARK: Outcome unknown

    @Test
    func reInitDiskTimingOutAfterSendingHasAnUnknownOutcome() async throws {
        let harness = try RPCClientHarness(otherwise: .transport(.timedOut))
        let error = try await #require(throws: RPCError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!"])
        }
        #expect(harness.requests.count == 1)
        #expect(error.code == .outcomeUnknown)
        #expect(error.underlying is TransportError)
        #expect(
            error.description
                == "ReInitDisk: outcome unknown — the request may have reached the server (no response from "
                + "\(Self.host) in time: scripted timedOut); check the status of the resource it acts on before retrying"
        )
    }

    @Test(arguments: [
        ("connection lost", ScriptedTransport.Step.transport(.connectionLost), nil as Int?),
        ("cancelled in flight", .transport(.cancelled), nil),
        ("a gateway's 502 page", .raw(502, contentType: "text/html", body: "<html>Bad Gateway</html>"), 502),
        ("a gateway's 504 page", .raw(504, contentType: "text/html", body: "<html>Gateway Time-out</html>"), 504),
        ("an unreadable 200", .raw(200, contentType: "text/html", body: "<html>Welcome to the hotel WiFi</html>"), 200),
        ("another error from the transport", .fail(CancellationError()), nil),
    ])
    func otherWaysAWritesOutcomeIsUnknown(name: String, step: ScriptedTransport.Step, status: Int?) async throws {
        let harness = try RPCClientHarness(otherwise: step)
        let error = try await #require(throws: RPCError.self, "\(name)") {
            try await harness.client.call("StopInstance", parameters: ["InstanceId": "i-1"])
        }
        #expect(error.code == .outcomeUnknown, "\(name)")
        #expect(error.httpStatus == status, "\(name)")
        #expect(error.description.hasPrefix("StopInstance: outcome unknown — "), "\(name)")
        #expect(harness.requests.count == 1, "\(name)")
    }

    @Test
    func aGatewaysRefusalOfAWriteIsDefinite() async throws {
        let harness = try RPCClientHarness(otherwise: .raw(403, contentType: "text/html", body: "<html>Denied</html>"))
        let error = try await #require(throws: RPCError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1"])
        }
        #expect(error.code == .unexpectedResponse)
        #expect(
            error.description
                == "ReInitDisk: HTTP 403 from \(Self.host) with a non-JSON body (text/html): <html>Denied</html>")
    }

    @Test
    func aWriteThatCouldNotConnectFailsDefinitely() async throws {
        let harness = try RPCClientHarness(otherwise: .transport(.connectFailed))
        let error = try await #require(throws: RPCError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1"])
        }
        #expect(error.code == .transportFailure)
        #expect(
            error.description == "ReInitDisk: cannot connect to \(Self.host): scripted connectFailed (after 3 attempts)"
        )
    }

    @Test
    func aReadThatKeepsTimingOutFailsDefinitelyNamingTheHost() async throws {
        let harness = try RPCClientHarness(otherwise: .transport(.timedOut))
        let error = try await #require(throws: RPCError.self) { try await harness.client.call("DescribeDisks") }
        #expect(error.code == .transportFailure)
        #expect(error.attempts == 3)
        #expect(
            error.description
                == "DescribeDisks: no response from \(Self.host) in time: scripted timedOut (after 3 attempts)")
    }

    @Test
    func otherTransportErrorsOfAReadPassThrough() async throws {
        let harness = try RPCClientHarness(otherwise: .fail(CancellationError()))
        await #expect(throws: CancellationError.self) { try await harness.client.call("DescribeDisks") }
    }

    // MARK: Passwords over plain HTTP

    @Test(arguments: [
        "http://ecs.example.com", "http://10.0.0.8:8080", "http://127.0.0.1.example.com", "http://127.example.com",
        "http://localhost.example.com", "http://[::2]:8080", "http://[::ffff:10.0.0.1]", "http://128.0.0.1",
    ])
    func aPasswordIsNotSentInTheClear(endpoint: String) async throws {
        let harness = try RPCClientHarness(endpoint: endpoint, otherwise: .ok())
        let error = try await #require(throws: RPCError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!"])
        }
        #expect(error.code == .insecurePassword)
        #expect(error.attempts == 0)
        #expect(harness.requests.isEmpty)
        #expect(harness.credentials.count == 0)
        #expect(error.description.hasPrefix("ReInitDisk: refusing to send a password over plain http:// to "))
        #expect(!error.description.contains("EcsV587"))
    }

    @Test
    func theCheckIgnoresTheParameterNamesCase() async throws {
        let harness = try RPCClientHarness(endpoint: "http://ecs.example.com", otherwise: .ok())
        await #expect(throws: RPCError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["password": "EcsV587!"])
        }
        #expect(harness.requests.isEmpty)
    }

    @Test(arguments: [
        "http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:9000", "http://LOCALHOST", "http://[::1]:8080",
        "http://[0:0:0:0:0:0:0:1]", "http://[::ffff:127.0.0.1]", "https://ecs.cn-hangzhou.aliyuncs.com",
    ])
    func loopbackAndHTTPSAreFine(endpoint: String) async throws {
        let harness = try RPCClientHarness(endpoint: endpoint, [.ok()])
        _ = try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!"])
        #expect(harness.requests.count == 1)
    }

    @Test
    func theRefusalCanBeOverridden() async throws {
        let harness = try RPCClientHarness(endpoint: "http://ecs.example.com", [.ok()], allowInsecurePassword: true)
        _ = try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!"])
        #expect(harness.requests.count == 1)
    }

    @Test
    func requestsWithoutAPasswordMayUsePlainHTTP() async throws {
        let harness = try RPCClientHarness(endpoint: "http://ecs.example.com", [.ok()])
        _ = try await harness.client.call("DescribeDisks", parameters: ["RegionId": "cn-hangzhou"])
        #expect(harness.requests.count == 1)
    }

    // MARK: Decoding answers

    @Test
    func jsonServiceErrorsAreThrownAsTheyCame() async throws {
        let harness = try RPCClientHarness(
            otherwise: .serviceError(403, code: "IncorrectInstanceStatus", message: "Bad."))
        let error = try await #require(throws: ServiceError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1"])
        }
        #expect(
            error
                == ServiceError(
                    code: "IncorrectInstanceStatus", message: "Bad.", requestId: "0C7B1EAF-9D3C-4A2E-8C6B-1F7A0E4D2B11",
                    hostId: "ecs.aliyuncs.com",
                    recommend: "https://api.aliyun.com/troubleshoot?q=IncorrectInstanceStatus",
                    httpStatus: 403))
    }

    @Test
    func xmlServiceErrorsAreRead() async throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R-1</RequestId><HostId>ecs.aliyuncs.com</HostId>\
            <Code>InvalidDiskId.NotFound</Code><Message>The specified disk does not exist.</Message></Error>
            """
        let harness = try RPCClientHarness(otherwise: .raw(404, contentType: "text/xml;charset=utf-8", body: body))
        let error = try await #require(throws: ServiceError.self) { try await harness.client.call("DescribeDisks") }
        #expect(error.code == "InvalidDiskId.NotFound")
        #expect(error.requestId == "R-1")
        #expect(error.httpStatus == 404)
    }

    @Test(
        arguments: [
            (
                502, "text/html",
                "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>" + String(repeating: "-", count: 100),
                "DescribeDisks: HTTP 502 from ecs.cn-hangzhou.aliyuncs.com with a non-JSON body (text/html): <html> <head>"
                    + "<title>502 Bad Gateway</title></head> <body>" + String(repeating: "-", count: 23) + "…"
            ),
            (
                503, nil, "",
                "DescribeDisks: HTTP 503 from ecs.cn-hangzhou.aliyuncs.com with an empty body"
            ),
            (
                500, "application/json", #"{"RequestId":"R","Code":"Internal"#,
                #"DescribeDisks: HTTP 500 from ecs.cn-hangzhou.aliyuncs.com with a truncated or malformed JSON body "#
                    + #"(application/json): {"RequestId":"R","Code":"Internal"#
            ),
            (
                200, "text/plain", "OK",
                "DescribeDisks: HTTP 200 from ecs.cn-hangzhou.aliyuncs.com with a non-JSON body (text/plain): OK"
            ),
            (
                200, "application/json", #"{"RequestId":"R","Disks":{"#,
                #"DescribeDisks: HTTP 200 from ecs.cn-hangzhou.aliyuncs.com with a truncated or malformed JSON body "#
                    + #"(application/json): {"RequestId":"R","Disks":{"#
            ),
        ] as [(Int, String?, String, String)])
    func unreadableAnswersNameTheStatus(status: Int, contentType: String?, body: String, message: String) async throws {
        let harness = try RPCClientHarness(
            otherwise: .raw(status, contentType: contentType, body: body), retryPolicy: .none)
        let error = try await #require(throws: RPCError.self) { try await harness.client.call("DescribeDisks") }
        #expect(error.code == .unexpectedResponse)
        #expect(error.httpStatus == status)
        #expect(error.description == message)
    }

    @Test
    func unreadableAnswersCountTheAttempts() async throws {
        let harness = try RPCClientHarness(otherwise: .raw(502, contentType: "text/html", body: "<html></html>"))
        let error = try await #require(throws: RPCError.self) { try await harness.client.call("DescribeDisks") }
        #expect(error.attempts == 3)
        #expect(error.description.hasSuffix("<html></html> (after 3 attempts)"))
    }

    /// A v1 `SignatureDoesNotMatch` quotes the server's string to sign, password and all.
    @Test
    func aPasswordEchoedByTheServerIsScrubbed() async throws {
        let message =
            "Specified signature is not matched with our calculation. server string to sign is:"
            + "POST&%2F&AccessKeyId%3Dtestid%26Action%3DReInitDisk%26DiskId%3Dd-1%26Password%3DEcsV587%2521"
        let harness = try RPCClientHarness(
            otherwise: .serviceError(400, code: "SignatureDoesNotMatch", message: message), signatureVersion: .v1)
        let error = try await #require(throws: ServiceError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!"])
        }
        #expect(error.message.hasSuffix("%26Password%3D***"))
        #expect(error.message.contains("server string to sign is:POST&%2F&"))
    }

    @Test
    func anEndpointWithAnotherSchemeIsRefused() async throws {
        let transport = ScriptedTransport(otherwise: .ok())
        let client = RPCClient(
            endpoint: Endpoint(scheme: "ftp", host: "ecs.example.com"), version: "2014-05-26",
            credentials: CountingCredentialProvider(), transport: transport)
        let error = try await #require(throws: RPCError.self) { try await client.call("DescribeDisks") }
        #expect(error.code == .invalidEndpoint)
        #expect(error.description == "invalid endpoint ftp://ecs.example.com: the scheme must be http or https")
        #expect(transport.requests.isEmpty)
    }
}
