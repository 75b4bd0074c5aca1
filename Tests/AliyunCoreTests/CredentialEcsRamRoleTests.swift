import AliyunCore
import Foundation
import TestSupport
import Testing

@Suite struct CredentialEcsRamRoleTests {
    let clock = FixedClock(iso8601: "2026-12-04T18:00:00Z")
    let server: FakeMetadataServer
    let credentialsPath = "http://100.100.100.200/latest/meta-data/ram/security-credentials/"

    init() {
        server = FakeMetadataServer(roleName: "EcsReInitRole", clock: clock)
    }

    func provider(roleName: String? = "EcsReInitRole", refreshMargin: TimeInterval = 180)
        -> EcsRamRoleCredentialProvider
    {
        EcsRamRoleCredentialProvider(roleName: roleName, transport: server, clock: clock, refreshMargin: refreshMargin)
    }

    @Test func imdsV2TokenFirstThenTheRoleCredentials() async throws {
        let credential = try await provider().credential()
        #expect(credential.accessKeyId == "STS.key-1")
        #expect(credential.accessKeySecret == FakeMetadataServer.secret(1))
        #expect(credential.securityToken == "fake-token-1")
        #expect(credential.expiration == clock.now().addingTimeInterval(3600))

        let requests = server.requests
        #expect(requests.map(\.method) == ["PUT", "GET"])
        #expect(requests[0].url == "http://100.100.100.200/latest/api/token")
        #expect(requests[0].headers["X-aliyun-ecs-metadata-token-ttl-seconds"] == "21600")
        #expect(requests[1].url == credentialsPath + "EcsReInitRole")
        #expect(requests[1].headers["X-aliyun-ecs-metadata-token"] == FakeMetadataServer.token)
        for request in requests {
            let timeout = try #require(request.timeout)
            #expect(timeout <= 2, "metadata requests must fail fast off an instance")
        }
    }

    @Test func hardenedInstancesAreServedThroughTheToken() async throws {
        server.requiresToken = true
        #expect(try await provider(roleName: nil).credential().accessKeyId == "STS.key-1")
    }

    @Test(arguments: ["refused", "thrown"])
    func fallsBackToImdsV1WhenTheTokenCannotBeHad(how: String) async throws {
        if how == "refused" { server.refusesToken = true } else { server.tokenRequestThrows = true }
        let credential = try await provider().credential()
        #expect(credential.accessKeyId == "STS.key-1")
        let get = try #require(server.requests.last)
        #expect(get.method == "GET")
        #expect(get.url == credentialsPath + "EcsReInitRole")
        #expect(get.headers["X-aliyun-ecs-metadata-token"] == nil)
    }

    @Test func discoversTheRoleNameOnceWhenNoneIsConfigured() async throws {
        let provider = provider(roleName: nil)
        #expect(try await provider.credential().accessKeyId == "STS.key-1")
        #expect(server.requests.map(\.url).filter { $0 == credentialsPath }.count == 1)
        #expect(server.requests.last?.url == credentialsPath + "EcsReInitRole")

        clock.advance(by: 3500)
        #expect(try await provider.credential().accessKeyId == "STS.key-2")
        #expect(server.requests.map(\.url).filter { $0 == credentialsPath }.count == 1, "the role is remembered")
    }

    @Test func emptyConfiguredRoleNameMeansDiscover() async throws {
        #expect(try await provider(roleName: "").credential().accessKeyId == "STS.key-1")
        #expect(server.requests.map(\.url).contains(credentialsPath))
    }

    /// Keys live 3600 s and are refreshed when fewer than 180 s remain.
    @Test(arguments: [
        (0, 1, "STS.key-1"), (3000, 1, "STS.key-1"), (3420, 1, "STS.key-1"), (3421, 2, "STS.key-2"),
        (4000, 2, "STS.key-2"),
    ])
    func cachesUntilCloseToExpiration(advance: Int, fetches: Int, keyId: String) async throws {
        let provider = provider()
        #expect(try await provider.credential().accessKeyId == "STS.key-1")
        clock.advance(by: TimeInterval(advance))
        #expect(try await provider.credential().accessKeyId == keyId)
        #expect(server.credentialFetches == fetches)
    }

    @Test func refreshedKeysAreCachedInTheirTurn() async throws {
        let provider = provider()
        _ = try await provider.credential()
        clock.advance(by: 3500)
        _ = try await provider.credential()
        _ = try await provider.credential()
        clock.advance(by: 600)
        #expect(try await provider.credential().accessKeyId == "STS.key-2")
        #expect(server.credentialFetches == 2)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        server.delay = .milliseconds(100)
        let provider = provider()
        let keyIds = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try await provider.credential().accessKeyId }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keyIds == Array(repeating: "STS.key-1", count: 8))
        #expect(server.credentialFetches == 1)
    }

    @Test func aFailedRefreshKeepsUsingKeysThatHaveNotExpired() async throws {
        let provider = provider()
        _ = try await provider.credential()
        server.unreachable = true
        clock.advance(by: 3500)
        #expect(try await provider.credential().accessKeyId == "STS.key-1")
        clock.advance(by: 200)
        let error = await #expect(throws: CredentialError.self) { try await provider.credential() }
        #expect(error?.kind == .metadataUnreachable)
        server.unreachable = false
        #expect(try await provider.credential().accessKeyId == "STS.key-2", "a failure is not cached")
    }

    @Test func unreachableMetadataService() async throws {
        server.unreachable = true
        let error = await #expect(throws: CredentialError.self) { try await provider().credential() }
        #expect(error?.kind == .metadataUnreachable)
        let message = try #require(error?.message)
        #expect(message.hasPrefix("cannot reach the ECS metadata service at http://100.100.100.200 ("))
        #expect(message.contains("cannot connect to 100.100.100.200"))
        #expect(message.hasSuffix("mode EcsRamRole works only on an ECS instance with a RAM role"))
    }

    @Test func baseURLIsInjectable() async throws {
        let provider = EcsRamRoleCredentialProvider(
            roleName: "EcsReInitRole", transport: server, clock: clock, baseURL: "http://127.0.0.1:8080/")
        _ = try await provider.credential()
        #expect(
            server.requests.map(\.url) == [
                "http://127.0.0.1:8080/latest/api/token",
                "http://127.0.0.1:8080/latest/meta-data/ram/security-credentials/EcsReInitRole",
            ])
    }

    struct BadResponseCase: Sendable, CustomTestStringConvertible {
        var label: String
        var roleName: String?
        var attached: String? = "EcsReInitRole"
        var response: HTTPResponse?
        var expected: String
        var testDescription: String { label }
    }

    static let leakedSecret = "must-not-leak"

    static let badResponseCases: [BadResponseCase] = [
        BadResponseCase(
            label: "no role attached", roleName: nil, attached: nil,
            expected: "the ECS metadata service answered HTTP 404 when asked for the instance's RAM role; "
                + "attach a RAM role to the instance or set ram_role_name in the profile"),
        BadResponseCase(
            label: "configured role not attached", roleName: "OtherRole",
            expected: "the ECS metadata service answered HTTP 404 for the credentials of RAM role \"OtherRole\"; "
                + "is that role attached to this instance?"),
        BadResponseCase(
            label: "Code is not Success", roleName: "EcsReInitRole",
            response: HTTPResponse(
                status: 200,
                body: Data(#"{"Code":"Failed","AccessKeySecret":"\#(leakedSecret)","Message":"boom"}"#.utf8)),
            expected: "the ECS metadata service answered Code \"Failed\" for RAM role \"EcsReInitRole\""),
        BadResponseCase(
            label: "not JSON", roleName: "EcsReInitRole",
            response: HTTPResponse(status: 200, body: Data("<html>\(leakedSecret)</html>".utf8)),
            expected: "the ECS metadata service answered with something other than JSON "
                + "for RAM role \"EcsReInitRole\""),
        BadResponseCase(
            label: "fields missing", roleName: "EcsReInitRole",
            response: HTTPResponse(
                status: 200,
                body: Data(#"{"Code":"Success","AccessKeyId":"STS.x","AccessKeySecret":"\#(leakedSecret)"}"#.utf8)),
            expected:
                "the ECS metadata service answered without SecurityToken, Expiration for RAM role \"EcsReInitRole\""),
        BadResponseCase(
            label: "bad Expiration", roleName: "EcsReInitRole",
            response: HTTPResponse(
                status: 200,
                body: Data(
                    (#"{"Code":"Success","AccessKeyId":"STS.x","AccessKeySecret":"\#(leakedSecret)","#
                        + #""SecurityToken":"t","Expiration":"soon"}"#).utf8)),
            expected: "the ECS metadata service answered an Expiration that is not an ISO 8601 time (soon) "
                + "for RAM role \"EcsReInitRole\""),
        BadResponseCase(
            label: "server error", roleName: "EcsReInitRole", response: HTTPResponse(status: 500),
            expected: "the ECS metadata service answered HTTP 500 for the credentials of RAM role \"EcsReInitRole\"; "
                + "is that role attached to this instance?"),
    ]

    @Test(arguments: badResponseCases)
    func badResponsesAreErrorsWithoutTheBody(_ testCase: BadResponseCase) async throws {
        let server = FakeMetadataServer(roleName: testCase.attached, clock: clock)
        server.credentialOverride = testCase.response
        let provider = EcsRamRoleCredentialProvider(roleName: testCase.roleName, transport: server, clock: clock)
        let error = await #expect(throws: CredentialError.self) { try await provider.credential() }
        #expect(error?.kind == .metadataBadResponse)
        #expect(error?.message == testCase.expected)
        #expect(error?.message.contains(Self.leakedSecret) == false)
    }
}
