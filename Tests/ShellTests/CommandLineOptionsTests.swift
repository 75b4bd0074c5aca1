import AliyunCore
import Shell
import Testing

struct CommandLineOptionsTests {
    @Test func parsesEveryOption() throws {
        let options = try CommandLineOptions.parse([
            "--endpoint", "http://127.0.0.1:8080", "--region=cn-shanghai", "--profile", "prod", "--access-key-id", "id",
            "--access-key-secret", "secret", "--sts-token", "token", "--debug", "--signature-version", "V1",
            "--allow-insecure-password", "-c", "call DescribeRegions", "-c", "call DescribeDisks",
        ])
        #expect(options.endpoint == "http://127.0.0.1:8080")
        #expect(options.region == "cn-shanghai")
        #expect(options.profile == "prod")
        #expect(options.accessKeyId == "id")
        #expect(options.accessKeySecret == "secret")
        #expect(options.securityToken == "token")
        #expect(options.debug)
        #expect(options.signatureVersion == .v1)
        #expect(options.allowInsecurePassword)
        #expect(options.commands == "call DescribeRegions\ncall DescribeDisks")
    }

    @Test func defaults() throws {
        let options = try CommandLineOptions.parse([])
        #expect(options == CommandLineOptions())
        #expect(options.signatureVersion == .v3)
    }

    @Test(arguments: [
        (["--regoin", "cn-hangzhou"], "unknown option --regoin (did you mean --region?)"),
        (["--zzzzzzzz"], "unknown option --zzzzzzzz"),
        (["--region"], "option --region needs a value"),
        (["--region", "CN_HANGZHOU"], "invalid region \"CN_HANGZHOU\" (a region id looks like cn-hangzhou)"),
        (["--debug=yes"], "option --debug takes no value"),
        (["--access-key-id", "id"], "--access-key-id and --access-key-secret go together"),
        (["--access-key-secret", "s"], "--access-key-id and --access-key-secret go together"),
        (["--sts-token", "t"], "--sts-token needs --access-key-id and --access-key-secret"),
        (["--signature-version", "v2"], "invalid signature version \"v2\" (accepted: v1, v3)"),
        (
            ["call"],
            "unexpected argument \"call\" (commands go after -c, e.g. -c 'disks', or in a file run with -f FILE)"
        ),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        #expect(throws: UsageError(message)) { try CommandLineOptions.parse(arguments) }
    }
}
