import AliyunCore
import Foundation
import TestSupport
import Testing

@Suite struct CredentialResolverTests {
    let clock = FixedClock(iso8601: "2026-12-04T18:00:00Z")
    let metadata: FakeMetadataServer

    static let flagKeys = Credential(accessKeyId: "LTAIflag", accessKeySecret: "flag-secret")
    static let environmentKeys = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
    ]

    init() {
        metadata = FakeMetadataServer(clock: clock)
    }

    func resolver(
        _ home: TemporaryHome, flags: Credential? = nil, profile: String? = nil, environment: [String: String] = [:]
    ) -> CredentialResolver {
        CredentialResolver(
            flags: flags, profileName: profile, environment: environment, homeDirectory: home.path,
            transport: metadata, clock: clock)
    }

    /// Resolves and returns the access key id the chosen provider signs with.
    func keyId(_ resolved: ResolvedCredentials?) async throws -> String? {
        try await resolved?.provider.credential().accessKeyId
    }

    @Test(
        arguments: [
            [:], ["ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALIBABA_CLOUD_REGION_ID": "cn-hangzhou"],
        ] as [[String: String]])
    func nothingConfiguredMeansNil(environment: [String: String]) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        #expect(try resolver(home, environment: environment).resolve() == nil)
    }

    @Test(arguments: [#"{"current": "", "profiles": []}"#, "{}"])
    func aConfigFileWithoutProfilesIsNothingConfigured(text: String) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(text, to: ".aliyun/config.json")
        #expect(try resolver(home).resolve() == nil)
    }

    struct PrecedenceCase: Sendable, CustomTestStringConvertible {
        var label: String
        var flags: Bool
        var environment: Bool
        var file: Bool
        var keyId: String
        var source: String
        var profileName: String?
        var testDescription: String { label }
    }

    static let precedenceCases: [PrecedenceCase] = [
        PrecedenceCase(
            label: "flags beat environment and file", flags: true, environment: true, file: true, keyId: "LTAIflag",
            source: "command-line flags"),
        PrecedenceCase(
            label: "environment beats file", flags: false, environment: true, file: true, keyId: "LTAIenv",
            source: "environment"),
        PrecedenceCase(
            label: "file alone", flags: false, environment: false, file: true, keyId: "STS.prod",
            source: "profile \"prod\" (~/.aliyun/config.json)", profileName: "prod"),
        PrecedenceCase(
            label: "flags alone", flags: true, environment: false, file: false, keyId: "LTAIflag",
            source: "command-line flags"),
        PrecedenceCase(
            label: "environment alone", flags: false, environment: true, file: false, keyId: "LTAIenv",
            source: "environment"),
    ]

    @Test(arguments: precedenceCases)
    func precedence(_ testCase: PrecedenceCase) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        if testCase.file { try home.write(cliWrittenConfig, to: ".aliyun/config.json") }
        let resolved = try resolver(
            home, flags: testCase.flags ? Self.flagKeys : nil,
            environment: testCase.environment ? Self.environmentKeys : [:]
        ).resolve()
        #expect(try await keyId(resolved) == testCase.keyId)
        #expect(resolved?.source == testCase.source)
        #expect(resolved?.profileName == testCase.profileName)
    }

    @Test func anExplicitProfileChoosesANonCurrentOneAndBeatsTheEnvironment() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let resolved = try resolver(home, profile: "default", environment: Self.environmentKeys).resolve()
        #expect(try await keyId(resolved) == "LTAIdefault")
        #expect(resolved?.profileName == "default")
        #expect(resolved?.source == "profile \"default\" (~/.aliyun/config.json)")
        #expect(resolved?.defaultRegion == "cn-hangzhou")
    }

    @Test func flagsBeatAnExplicitProfileWithAWarning() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let resolved = try resolver(home, flags: Self.flagKeys, profile: "default").resolve()
        #expect(try await keyId(resolved) == "LTAIflag")
        #expect(resolved?.warnings == ["profile \"default\" ignored: access keys were given on the command line"])
    }

    @Test func alibabaCloudProfileChoosesANonCurrentProfile() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let resolved = try resolver(home, environment: ["ALIBABA_CLOUD_PROFILE": "default"]).resolve()
        #expect(try await keyId(resolved) == "LTAIdefault")
        #expect(resolved?.profileName == "default")

        let explicit = try resolver(home, profile: "prod", environment: ["ALIBABA_CLOUD_PROFILE": "default"]).resolve()
        #expect(explicit?.profileName == "prod", "--profile beats ALIBABA_CLOUD_PROFILE")
    }

    @Test func environmentKeysBeatAlibabaCloudProfile() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        var environment = Self.environmentKeys
        environment["ALIBABA_CLOUD_PROFILE"] = "default"
        let resolved = try resolver(home, environment: environment).resolve()
        #expect(try await keyId(resolved) == "LTAIenv")
        #expect(resolved?.profileName == nil)
    }

    struct RegionCase: Sendable, CustomTestStringConvertible {
        var label: String
        var flags: Bool = false
        var environment: [String: String] = [:]
        var profile: String?
        var region: String?
        var testDescription: String { label }
    }

    static let regionCases: [RegionCase] = [
        RegionCase(label: "profile region", region: "cn-shanghai"),
        RegionCase(label: "chosen profile's region", profile: "ecs", region: "cn-beijing"),
        RegionCase(
            label: "environment region beats profile region",
            environment: ["ALIBABA_CLOUD_REGION_ID": "eu-central-1"], region: "eu-central-1"),
        RegionCase(label: "environment keys, no region", environment: environmentKeys, region: nil),
        RegionCase(
            label: "environment keys and region",
            environment: environmentKeys.merging(["ALIBABA_CLOUD_REGION_ID": "ap-southeast-1"]) { a, _ in a },
            region: "ap-southeast-1"),
        RegionCase(
            label: "flags with environment region", flags: true,
            environment: ["ALIBABA_CLOUD_REGION_ID": "us-west-1"], region: "us-west-1"),
        RegionCase(label: "flags alone", flags: true, region: nil),
    ]

    @Test(arguments: regionCases)
    func defaultRegion(_ testCase: RegionCase) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let resolved = try resolver(
            home, flags: testCase.flags ? Self.flagKeys : nil, profile: testCase.profile,
            environment: testCase.environment
        ).resolve()
        #expect(resolved != nil)
        #expect(resolved?.defaultRegion == testCase.region)
    }

    @Test func ecsRamRoleProfileResolvesWithoutTouchingTheNetwork() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let resolved = try resolver(home, profile: "ecs").resolve()
        #expect(metadata.requests.isEmpty)
        #expect(try await keyId(resolved) == "STS.key-1")
        #expect(metadata.credentialFetches == 1)
    }

    @Test(
        arguments: [
            (nil, ["ALIBABA_CLOUD_PROFILE": "prod"]), ("prod", [:]),
        ] as [(String?, [String: String])])
    func aProfileAskedForWithoutAConfigFileIsAnError(profile: String?, environment: [String: String]) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let resolver = resolver(home, profile: profile, environment: environment)
        let error = #expect(throws: CredentialError.self) { try resolver.resolve() }
        #expect(error?.kind == .configFileUnreadable)
        #expect(
            error?.message
                == "cannot read \(resolver.configFilePath): no such file, and profile \"prod\" was asked for")
    }

    @Test func halfSetEnvironmentIsReportedEvenWithAUsableFile() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        let error = #expect(throws: CredentialError.self) {
            try resolver(home, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv"]).resolve()
        }
        #expect(error?.kind == .incompleteEnvironment)
    }

    struct FileErrorCase: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        var profile: String?
        var kind: CredentialError.Kind
        var fragments: [String]
        var testDescription: String { label }
    }

    static let fileErrorCases: [FileErrorCase] = [
        FileErrorCase(
            label: "malformed", text: #"{"current": "prod", "profiles": [}"#, kind: .malformedConfigFile,
            fragments: ["is not a valid Alibaba Cloud CLI config file: ", "line 1"]),
        FileErrorCase(
            label: "current names a missing profile", text: #"{"current": "gone", "profiles": [{"name": "a"}]}"#,
            kind: .profileNotFound, fragments: ["no profile \"gone\" (named by the file's \"current\")", "\"a\""]),
        FileErrorCase(
            label: "explicit profile missing", text: cliWrittenConfig, profile: "staging", kind: .profileNotFound,
            fragments: ["no profile \"staging\" in ", "available profiles: \"default\", \"prod\", \"ecs\""]),
        FileErrorCase(
            label: "unsupported mode",
            text: #"{"current": "r", "profiles": [{"name": "r", "mode": "RamRoleArn", "access_key_id": "LTAIr", "#
                + #""access_key_secret": "r-secret"}]}"#,
            kind: .unsupportedMode, fragments: ["\"RamRoleArn\"", "supported modes: AK, StsToken, EcsRamRole"]),
        FileErrorCase(
            label: "missing field",
            text: #"{"current": "s", "profiles": [{"name": "s", "mode": "StsToken", "access_key_id": "STS.s", "#
                + #""access_key_secret": "s-secret"}]}"#,
            kind: .missingProfileField, fragments: ["profile \"s\" uses mode StsToken but has no sts_token"]),
    ]

    @Test(arguments: fileErrorCases)
    func configFileErrorsSurface(_ testCase: FileErrorCase) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(testCase.text, to: ".aliyun/config.json")
        let error = #expect(throws: CredentialError.self) {
            try resolver(home, profile: testCase.profile).resolve()
        }
        #expect(error?.kind == testCase.kind)
        let message = try #require(error?.message)
        for fragment in testCase.fragments {
            #expect(message.contains(fragment), "\(message)")
        }
        if testCase.kind != .unsupportedMode && testCase.kind != .missingProfileField {
            #expect(message.contains(path))
        }
        #expect(!message.contains("-secret"))
    }

    @Test(arguments: [(0o644, true), (0o600, false)])
    func readableConfigFileIsWarnedAbout(mode: Int, warned: Bool) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(cliWrittenConfig, to: ".aliyun/config.json", permissions: mode)
        let resolved = try #require(try resolver(home).resolve())
        if warned {
            #expect(resolved.warnings.count == 1)
            #expect(resolved.warnings.first?.hasSuffix("chmod 600 \(path)") == true)
        } else {
            #expect(resolved.warnings.isEmpty)
        }
    }

    @Test func profileNamesForCompletion() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        #expect(resolver(home).profileNames().isEmpty)
        try home.write("{ not json", to: ".aliyun/config.json")
        #expect(resolver(home).profileNames().isEmpty)
        try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        #expect(resolver(home).profileNames() == ["default", "prod", "ecs"])
    }
}
