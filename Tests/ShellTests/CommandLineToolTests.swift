import AliyunCore
import Foundation
import Shell
import TestSupport
import Testing

/// The `ecsh` program end to end, over a scripted transport: what it prints, what it sends, its exit status.
struct CommandLineToolTests {
    func run(
        _ arguments: [String], environment: [String: String] = [:], transport: ScriptedTransport = ScriptedTransport(),
        home: TemporaryHome? = nil
    ) async throws -> (status: Int32, output: String, errors: String) {
        let home = try home ?? TemporaryHome()
        let captured = CapturedOutput()
        let tool = CommandLineTool(
            environment: environment, homeDirectory: home.path, output: captured.write,
            errorOutput: captured.writeError, transport: transport)
        let status = await tool.run(arguments)
        return (status, captured.output, captured.errors)
    }

    let keys = ["--access-key-id", "testid", "--access-key-secret", "testsecret"]

    @Test func callPrintsTheJSONResultAndSendsTheSessionRegion() async throws {
        let transport = ScriptedTransport([
            .json(200, #"{"RequestId":"R1","Regions":{"Region":[{"RegionId":"cn-hangzhou"}]}}"#)
        ])
        let result = try await run(
            keys + ["--region", "cn-shanghai", "-c", "call DescribeDisks PageSize=5"], transport: transport)
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(try JSONValue.parse(Data(result.output.utf8))["RequestId"] == .string("R1"))
        let request = try #require(transport.requests.first)
        #expect(request.url.hasPrefix("https://ecs.cn-shanghai.aliyuncs.com/?"))
        #expect(request.decodedQuery["RegionId"] == "cn-shanghai")
        #expect(request.decodedQuery["PageSize"] == "5")
        #expect(request.header(named: "x-acs-action") == "DescribeDisks")
    }

    @Test func regionAndKeysComeFromTheEnvironmentWhenNoFlagsAreGiven() async throws {
        let transport = ScriptedTransport([.ok()])
        let environment = [
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "envid", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "envsecret",
            "ALIBABA_CLOUD_REGION_ID": "cn-beijing",
        ]
        let result = try await run(["-c", "call DescribeInstances"], environment: environment, transport: transport)
        #expect(result.status == 0)
        let request = try #require(transport.requests.first)
        #expect(request.url.hasPrefix("https://ecs.cn-beijing.aliyuncs.com/"))
        #expect(request.header(named: "authorization")?.contains("Credential=envid,") == true)
    }

    @Test func explicitEndpointAndSignatureV1() async throws {
        let transport = ScriptedTransport([.ok()])
        let result = try await run(
            keys + ["--endpoint", "http://127.0.0.1:9", "--signature-version", "v1", "-c", "call DescribeRegions"],
            transport: transport)
        #expect(result.status == 0)
        let request = try #require(transport.requests.first)
        #expect(request.url.hasPrefix("http://127.0.0.1:9/?"))
        #expect(request.decodedQuery["SignatureMethod"] == "HMAC-SHA1")
        #expect(request.decodedQuery["RegionId"] == nil)
    }

    @Test func aServiceErrorExitsOneWithCodeMessageAndRequestId() async throws {
        let transport = ScriptedTransport([
            .serviceError(
                403, code: "IncorrectDiskStatus",
                message: "The current disk status does not support this operation.")
        ])
        let result = try await run(
            keys + ["-c", "call ReInitDisk DiskId=d-1; call DescribeDisks"], transport: transport)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "-c:1: error: IncorrectDiskStatus: The current disk status does not support this operation. "
                    + "(RequestId 0C7B1EAF-9D3C-4A2E-8C6B-1F7A0E4D2B11)\n  hint: Look at it with `disk ID`"))
        #expect(transport.requests.count == 1, "the script stops at the first failure")
    }

    static let sandboxWorld = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../share/ecsh/sandbox.json").standardized.path

    @Test func withNoCredentialsAnywhereTheSandboxAnswersAndSaysSo() async throws {
        let transport = ScriptedTransport()
        let result = try await run(
            ["--world", Self.sandboxWorld, "-c", "call ReInitDisk DiskId=d-bp1errlocked00001"], transport: transport)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("ecsh: no credentials found; using the sandbox"))
        #expect(
            result.errors.contains("-c:1: error: InstanceLockedForSecurity: The instance is locked due to security."))
        #expect(transport.requests.isEmpty, "nothing leaves the process")
    }

    @Test func theSandboxKeepsStateAcrossCommandsAndIgnoresCredentials() async throws {
        let result = try await run(
            keys + [
                "--sandbox", "--world", Self.sandboxWorld, "-c",
                "call ReInitDisk DiskId=d-bp1oksystem000001 Password=EcsV587!; "
                    + "call DescribeDisks DiskIds='[\"d-bp1oksystem000001\"]'",
            ])
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(result.output.contains("\"Status\":\"ReIniting\""))
    }

    @Test func anEndpointWithoutCredentialsIsAClearError() async throws {
        let result = try await run(["--endpoint", "http://127.0.0.1:9", "-c", "call DescribeRegions"])
        #expect(result.status == 2)
        #expect(result.errors.contains("no credentials found for --endpoint: pass --access-key-id"))
    }

    @Test func aMissingWorldFileIsAClearError() async throws {
        let result = try await run(["--sandbox", "--world", "/nonexistent/world.json", "-c", "call DescribeRegions"])
        #expect(result.status == 2)
        #expect(result.errors.contains("/nonexistent/world.json"))
    }

    @Test(arguments: [
        (["--regoin", "x"], "ecsh: unknown option --regoin (did you mean --region?)"),
        (["--endpoint", "ftp://x", "-c", "call DescribeRegions"], "invalid endpoint \"ftp://x\""),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
        let result = try await run(keys + arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains(message))
    }

    @Test func aMalformedRegionFromTheEnvironmentIsAUsageErrorAndNothingIsSent() async throws {
        let transport = ScriptedTransport()
        let result = try await run(
            ["-c", "call ReInitDisk DiskId=d-1 Password=Abc123!x"],
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "secret",
                "ALIBABA_CLOUD_REGION_ID": "cn hangzhou",
            ], transport: transport)
        #expect(result.status == 2)
        #expect(result.errors.contains("the region \"cn hangzhou\""))
        #expect(!result.errors.contains("Abc123"))
        #expect(transport.requests.isEmpty)
    }

    @Test func anUnknownCommandFailsWithASuggestion() async throws {
        let result = try await run(keys + ["-c", "cal DescribeRegions"])
        #expect(result.status == 1)
        #expect(result.errors == "-c:1: error: unknown command \"cal\" (did you mean `call`?); `help` lists them\n")
    }

    @Test func debugLogGoesToStandardErrorWithoutSecrets() async throws {
        let transport = ScriptedTransport([.ok()])
        let result = try await run(
            keys + [
                "--debug", "--endpoint", "http://127.0.0.1:9", "-c", "call ReInitDisk DiskId=d-1 Password=EcsV587!",
            ],
            transport: transport)
        #expect(result.status == 0)
        #expect(result.errors.contains("ReInitDisk attempt 1: POST http://127.0.0.1:9/?"))
        #expect(!result.errors.contains("EcsV587"))
        #expect(!result.errors.contains("testsecret"))
        #expect(transport.requests.first?.decodedQuery["Password"] == "EcsV587!")
    }

    @Test func helpAndVersion() async throws {
        let help = try await run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("usage: ecsh"))
        let version = try await run(["--version"])
        #expect(version.output == "ecsh \(CommandLineTool.version)\n")
    }
}
