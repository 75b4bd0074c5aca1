import AliyunCore
import Foundation
import Testing

@Suite struct CredentialSourceTests {
    @Test func staticProviderReturnsTheKeysItWasGiven() async throws {
        let plain = StaticCredentialProvider(accessKeyId: "LTAIflag", accessKeySecret: "flag-secret")
        #expect(try await plain.credential() == Credential(accessKeyId: "LTAIflag", accessKeySecret: "flag-secret"))

        let sts = StaticCredentialProvider(
            accessKeyId: "STS.flag", accessKeySecret: "flag-secret", securityToken: "tok")
        let credential = try await sts.credential()
        #expect(credential.securityToken == "tok")
        #expect(credential.expiration == nil)
    }

    struct EnvironmentCase: Sendable, CustomTestStringConvertible {
        var label: String
        var environment: [String: String]
        var expected: Credential?
        var region: String?
        var testDescription: String { label }
    }

    static let environmentCases: [EnvironmentCase] = [
        EnvironmentCase(label: "nothing set", environment: ["PATH": "/usr/bin"], expected: nil),
        EnvironmentCase(
            label: "empty values count as unset",
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "",
                "ALIBABA_CLOUD_SECURITY_TOKEN": "",
            ],
            expected: nil),
        EnvironmentCase(
            label: "key pair",
            environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"],
            expected: Credential(accessKeyId: "LTAIenv", accessKeySecret: "env-secret")),
        EnvironmentCase(
            label: "STS token and region",
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.env", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
                "ALIBABA_CLOUD_SECURITY_TOKEN": "env-token", "ALIBABA_CLOUD_REGION_ID": "cn-shanghai",
            ],
            expected: Credential(accessKeyId: "STS.env", accessKeySecret: "env-secret", securityToken: "env-token"),
            region: "cn-shanghai"),
        EnvironmentCase(
            label: "empty token is no token",
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
                "ALIBABA_CLOUD_SECURITY_TOKEN": "", "ALIBABA_CLOUD_REGION_ID": "",
            ],
            expected: Credential(accessKeyId: "LTAIenv", accessKeySecret: "env-secret")),
    ]

    @Test(arguments: environmentCases)
    func environmentProviderReadsTheInjectedDictionary(_ testCase: EnvironmentCase) async throws {
        let provider = try EnvironmentCredentialProvider(environment: testCase.environment)
        #expect(try await provider?.credential() == testCase.expected)
        #expect(provider?.regionId == testCase.region)
    }

    @Test func regionIsReadWithoutCredentials() {
        #expect(
            EnvironmentCredentialProvider.regionId(in: ["ALIBABA_CLOUD_REGION_ID": "eu-central-1"]) == "eu-central-1")
        #expect(EnvironmentCredentialProvider.regionId(in: ["ALIBABA_CLOUD_REGION_ID": ""]) == nil)
        #expect(EnvironmentCredentialProvider.regionId(in: [:]) == nil)
    }

    struct HalfSetCase: Sendable, CustomTestStringConvertible {
        var environment: [String: String]
        var present: String
        var missing: String
        var testDescription: String { "\(present) without \(missing)" }
    }

    static let halfSetCases: [HalfSetCase] = [
        HalfSetCase(
            environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv"],
            present: "ALIBABA_CLOUD_ACCESS_KEY_ID", missing: "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        HalfSetCase(
            environment: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": "half-secret", "ALIBABA_CLOUD_ACCESS_KEY_ID": ""],
            present: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", missing: "ALIBABA_CLOUD_ACCESS_KEY_ID"),
        HalfSetCase(
            environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_SECURITY_TOKEN": "half-token"],
            present: "ALIBABA_CLOUD_ACCESS_KEY_ID", missing: "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        HalfSetCase(
            environment: ["ALIBABA_CLOUD_SECURITY_TOKEN": "half-token"],
            present: "ALIBABA_CLOUD_SECURITY_TOKEN", missing: "ALIBABA_CLOUD_ACCESS_KEY_ID"),
    ]

    @Test(arguments: halfSetCases)
    func halfSetEnvironmentIsAnError(_ testCase: HalfSetCase) throws {
        let error = #expect(throws: CredentialError.self) {
            _ = try EnvironmentCredentialProvider(environment: testCase.environment)
        }
        #expect(error?.kind == .incompleteEnvironment)
        let message = try #require(error?.message)
        #expect(message.hasPrefix("\(testCase.present) is set but "))
        #expect(message.contains(testCase.missing))
        #expect(message.contains("set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        #expect(!message.contains("half-secret") && !message.contains("half-token"))
        #expect(!message.contains("\n"))
    }

    @Test func printingCredentialsNeverShowsTheSecretOrToken() throws {
        let credential = Credential(
            accessKeyId: "LTAIvisible", accessKeySecret: "very-secret", securityToken: "very-token",
            expiration: Date(timeIntervalSince1970: 0))
        var dumped = ""
        dump(credential, to: &dumped)
        let provider = StaticCredentialProvider(credential)
        let fromEnvironment = try #require(
            try EnvironmentCredentialProvider(environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIvisible", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "very-secret",
            ]))
        let renderings = [
            "\(credential)", String(reflecting: credential), dumped, "\(provider)", String(reflecting: provider),
            "\(fromEnvironment)", String(reflecting: fromEnvironment),
        ]
        for text in renderings {
            #expect(text.contains("LTAIvisible"), "\(text)")
            #expect(!text.contains("very-secret"), "\(text)")
            #expect(!text.contains("very-token"), "\(text)")
        }
    }
}
