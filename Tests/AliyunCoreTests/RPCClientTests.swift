import AliyunCore
import Foundation
import TestSupport
import Testing

/// The requests `RPCClient` builds and signs, and what it returns.
struct RPCClientTests {
    /// PROTOCOL.md §1: the old SDK's ReInitDisk request, signed v1, has a known signature.
    @Test
    func v1RequestsCarryEverythingInTheQueryAndMatchTheKnownAnswer() async throws {
        let harness = try RPCClientHarness(
            [.ok()], signatureVersion: .v1, now: "2024-01-01T00:00:00Z", nonces: ["0123456789abcdef0123456789abcdef"])
        _ = try await harness.client.call(
            "ReInitDisk",
            parameters: [
                "DiskId": "d-bp67acfmxazb4ph****", "AutoStartInstance": "True", "Password": "EcsV587!",
                "RegionId": "cn-hangzhou", "SignatureType": "",
            ])
        let request = try #require(harness.requests.first)
        #expect(request.method == "POST")
        #expect(request.body.isEmpty)
        #expect(request.url.hasPrefix("https://ecs.cn-hangzhou.aliyuncs.com/?AccessKeyId=testid&Action=ReInitDisk&"))
        let query = request.decodedQuery
        #expect(query["Signature"] == "Ji7vdwQJhYly+HbUtQXzZrjqLD8=")
        #expect(query["Format"] == "JSON")
        #expect(query["Version"] == "2014-05-26")
        #expect(query["SignatureMethod"] == "HMAC-SHA1")
        #expect(query["Timestamp"] == "2024-01-01T00:00:00Z")
        #expect(query["Password"] == "EcsV587!")
        #expect(request.header(named: "Authorization") == nil)
    }

    /// PROTOCOL.md §2: Alibaba's documented v3 example.
    @Test
    func v3RequestsSignHeadersAndMatchTheDocumentedExample() async throws {
        let harness = try RPCClientHarness(
            endpoint: "https://ecs.cn-shanghai.aliyuncs.com", [.ok()],
            credentials: CountingCredentialProvider(
                Credential(accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret")),
            now: "2023-10-26T10:22:32Z", nonces: ["3156853299f313e23d1673dc12e1703d"])
        _ = try await harness.client.call(
            "RunInstances",
            parameters: ["ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"])
        let request = try #require(harness.requests.first)
        #expect(request.method == "POST")
        #expect(request.body.isEmpty)
        #expect(
            request.url
                == "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"
                + "&RegionId=cn-shanghai")
        #expect(request.header(named: "x-acs-action") == "RunInstances")
        #expect(request.header(named: "x-acs-version") == "2014-05-26")
        #expect(request.header(named: "host") == "ecs.cn-shanghai.aliyuncs.com")
        #expect(
            request.header(named: "x-acs-content-sha256")
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            request.header(named: "Authorization")
                == "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                + "x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
    }

    @Test
    func v3WithoutParametersHasNoQuery() async throws {
        let harness = try RPCClientHarness(endpoint: "http://127.0.0.1:8080", [.ok()])
        _ = try await harness.client.call("DescribeRegions")
        let request = try #require(harness.requests.first)
        #expect(request.url == "http://127.0.0.1:8080/")
        #expect(request.header(named: "host") == "127.0.0.1:8080")
    }

    @Test(arguments: [SignatureVersion.v1, .v3])
    func stsTokensTravelWithTheRequest(version: SignatureVersion) async throws {
        let credential = Credential(accessKeyId: "STS.id", accessKeySecret: "s", securityToken: "CAIS-token")
        let harness = try RPCClientHarness(
            [.ok()], signatureVersion: version, credentials: CountingCredentialProvider(credential))
        _ = try await harness.client.call("DescribeDisks", parameters: ["RegionId": "cn-hangzhou"])
        let request = try #require(harness.requests.first)
        switch version {
        case .v1: #expect(request.decodedQuery["SecurityToken"] == "CAIS-token")
        case .v3: #expect(request.header(named: "x-acs-security-token") == "CAIS-token")
        }
    }

    @Test
    func parametersArePercentEncodedAsTheSignatureExpects() async throws {
        let harness = try RPCClientHarness([.ok()])
        _ = try await harness.client.call(
            "DescribeDisks", parameters: ["DiskName": "a b*~/é", "DiskIds": #"["d-1","d-2"]"#])
        let request = try #require(harness.requests.first)
        #expect(request.url.hasSuffix("/?DiskIds=%5B%22d-1%22%2C%22d-2%22%5D&DiskName=a%20b%2A~%2F%C3%A9"))
    }

    @Test
    func theJSONAnswerIsReturned() async throws {
        let body = #"{"RequestId":"R","TotalCount":1,"Disks":{"Disk":[{"DiskId":"d-1","Size":40}]}}"#
        let harness = try RPCClientHarness([.json(200, body)])
        let value = try await harness.client.call("DescribeDisks")
        #expect(value["RequestId"]?.stringValue == "R")
        #expect(value["TotalCount"] == .integer(1))
        #expect(value["Disks"]?["Disk"] == .array([.object(["DiskId": .string("d-1"), "Size": .integer(40)])]))
    }

    @Test(arguments: [
        ("ReInitDisk", 16.0), ("StartInstance", 46.0), ("StopInstance", 27.0), ("DescribeDisks", 10.0),
        ("DescribeInstances", 10.0),
    ])
    func readTimeoutsDependOnTheAction(action: String, seconds: Double) async throws {
        let harness = try RPCClientHarness([.ok()])
        _ = try await harness.client.call(action)
        #expect(harness.requests.first?.timeout == seconds)
    }

    @Test
    func readTimeoutsCanBeOverridden() async throws {
        var timeouts = ReadTimeouts.standard
        timeouts["ReInitDisk"] = .seconds(60)
        timeouts.fallback = .milliseconds(2500)
        let harness = try RPCClientHarness([.ok(), .ok(), .ok()], timeouts: timeouts)
        for action in ["ReInitDisk", "DescribeDisks", "StartInstance"] { _ = try await harness.client.call(action) }
        #expect(harness.requests.map(\.timeout) == [60, 2.5, 46])
    }

    @Test(arguments: [SignatureVersion.v1, .v3])
    func everyAttemptIsSignedAfresh(version: SignatureVersion) async throws {
        let harness = try RPCClientHarness(
            [.serviceError(400, code: "Throttling"), .serviceError(503, code: "ServiceUnavailable"), .ok()],
            signatureVersion: version, retryPolicy: .jitter(maxAttempts: 3, base: .seconds(2), random: { 1 }))
        _ = try await harness.client.call("DescribeDisks", parameters: ["RegionId": "cn-hangzhou"])
        let requests = harness.requests
        #expect(requests.count == 3)
        #expect(harness.credentials.count == 3)
        let nonces: [String?]
        let dates: [String?]
        let signatures: [String?]
        switch version {
        case .v1:
            nonces = requests.map { $0.decodedQuery["SignatureNonce"] }
            dates = requests.map { $0.decodedQuery["Timestamp"] }
            signatures = requests.map { $0.decodedQuery["Signature"] }
        case .v3:
            nonces = requests.map { $0.header(named: "x-acs-signature-nonce") }
            dates = requests.map { $0.header(named: "x-acs-date") }
            signatures = requests.map { $0.header(named: "Authorization") }
        }
        #expect(nonces == ["nonce-0", "nonce-1", "nonce-2"])
        #expect(dates == ["2024-01-01T00:00:00Z", "2024-01-01T00:00:02Z", "2024-01-01T00:00:06Z"])
        #expect(Set(signatures.compactMap { $0 }).count == 3)
    }

    @Test
    func credentialFailuresPassThroughUnchanged() async throws {
        struct NoCredentials: Error, Equatable {}
        let harness = try RPCClientHarness(
            [.ok()], credentials: CountingCredentialProvider(failingWith: NoCredentials()))
        await #expect(throws: NoCredentials()) { try await harness.client.call("DescribeDisks") }
        #expect(harness.requests.isEmpty)
    }
}
