import AliyunCore
import Foundation
import TestSupport
import Testing

/// `--debug` through the client: a line per attempt, and no secret in any of them.
struct RPCClientDebugLogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    static let password = "Ecs V587!/+%"
    static let credential = Credential(
        accessKeyId: "STS.NUgYrLnoC37mZZCNnAbez2Ta", accessKeySecret: "ZZCNnAbez2TaHUGzE7bVQ5jNUgYrLnoC37m",
        securityToken: "CAIS+token/with=specials")

    @Test(arguments: [SignatureVersion.v1, .v3], [false, true])
    func linesShowEachAttemptAndNoSecret(version: SignatureVersion, includeHeaders: Bool) async throws {
        let lines = Lines()
        let echo = "server string to sign is:POST&%2F&Password%3D\(percentEncode(percentEncode(Self.password)))"
        let harness = try RPCClientHarness(
            [.transport(.connectFailed), .serviceError(400, code: "SignatureDoesNotMatch", message: echo)],
            signatureVersion: version, debugLog: DebugLog(includeHeaders: includeHeaders, write: lines.append),
            credentials: CountingCredentialProvider(Self.credential))
        await #expect(throws: ServiceError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1", "Password": Self.password])
        }

        let all = lines.all
        #expect(all.count == 2)
        #expect(
            all.first?.hasPrefix("debug: ReInitDisk attempt 1: POST https://ecs.cn-hangzhou.aliyuncs.com/?") == true)
        #expect(
            all.first?.contains("-> cannot connect to ecs.cn-hangzhou.aliyuncs.com: scripted connectFailed") == true)
        #expect(all.first?.contains("; retrying in ") == true)
        #expect(all.last?.hasPrefix("debug: ReInitDisk attempt 2: POST ") == true)
        #expect(all.last?.contains("-> HTTP 400, SignatureDoesNotMatch: ") == true)
        #expect(all.last?.contains("Password%3D***") == true)
        #expect(all.allSatisfy { $0.contains("Password=***") })

        var secrets = [
            Self.password, percentEncode(Self.password), Self.credential.accessKeySecret,
            Self.credential.securityToken!, percentEncode(Self.credential.securityToken!),
        ]
        for request in harness.requests {
            switch version {
            case .v1: secrets.append(try #require(request.decodedQuery["Signature"]))
            case .v3:
                secrets.append(
                    try #require(request.header(named: "Authorization")?.components(separatedBy: "Signature=").last))
            }
        }
        for line in all {
            for secret in secrets {
                #expect(!line.contains(secret), "\(line) shows \(secret)")
            }
        }
    }

    @Test
    func successesAreLoggedToo() async throws {
        let lines = Lines()
        let harness = try RPCClientHarness([.ok()], debugLog: DebugLog(write: lines.append))
        _ = try await harness.client.call("DescribeRegions")
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(
            line.hasPrefix(
                "debug: DescribeRegions attempt 1: POST https://ecs.cn-hangzhou.aliyuncs.com/ -> HTTP 200 in "))
        #expect(line.hasSuffix(" ms"))
    }

    @Test
    func aRetryShowsItsWait() async throws {
        let lines = Lines()
        let harness = try RPCClientHarness(
            [.serviceError(503, code: "ServiceUnavailable", headers: ["x-acs-retry-after": "750"]), .ok()],
            debugLog: DebugLog(write: lines.append))
        _ = try await harness.client.call("DescribeDisks")
        #expect(lines.all.count == 2)
        #expect(lines.all.first?.hasSuffix("; retrying in 750 ms") == true)
    }
}
