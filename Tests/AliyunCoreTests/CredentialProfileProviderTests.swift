import AliyunCore
import Foundation
import TestSupport
import Testing

@Suite struct CredentialProfileProviderTests {
    let transport = FakeMetadataServer(clock: FixedClock(iso8601: "2026-12-04T18:00:00Z"))

    @Test func accessKeyProfile() async throws {
        let provider = try ProfileCredentialProvider(
            profile: .init(
                name: "dev", mode: "AK", accessKeyId: "LTAIdev", accessKeySecret: "dev-secret",
                regionId: "cn-hangzhou"),
            transport: transport)
        #expect(provider.mode == "AK")
        #expect(provider.regionId == "cn-hangzhou")
        #expect(try await provider.credential() == Credential(accessKeyId: "LTAIdev", accessKeySecret: "dev-secret"))
    }

    @Test func stsTokenProfile() async throws {
        let provider = try ProfileCredentialProvider(
            profile: .init(
                name: "sts", mode: "StsToken", accessKeyId: "STS.x", accessKeySecret: "sts-secret", stsToken: "tok"),
            transport: transport)
        #expect(
            try await provider.credential()
                == Credential(accessKeyId: "STS.x", accessKeySecret: "sts-secret", securityToken: "tok"))
    }

    @Test(
        arguments: [("ak", "AK"), ("ststoken", "StsToken"), ("ECSRAMROLE", "EcsRamRole"), (nil, "AK")]
            as [(String?, String)])
    func modesAreMatchedWithoutRegardToCaseAndDefaultToAK(written: String?, canonical: String) throws {
        let provider = try ProfileCredentialProvider(
            profile: .init(
                name: "p", mode: written, accessKeyId: "LTAIp", accessKeySecret: "p-secret", stsToken: "tok"),
            transport: transport)
        #expect(provider.mode == canonical)
    }

    @Test func ecsRamRoleProfileAsksTheMetadataServiceForItsRole() async throws {
        let provider = try ProfileCredentialProvider(
            profile: .init(name: "ecs", mode: "EcsRamRole", ramRoleName: "EcsReInitRole"), transport: transport,
            clock: FixedClock(iso8601: "2026-12-04T18:00:00Z"), metadataBaseURL: "http://169.254.0.9")
        #expect(transport.requests.isEmpty, "making the provider must not touch the network")
        let credential = try await provider.credential()
        #expect(credential.accessKeyId == "STS.key-1")
        #expect(
            transport.requests.map(\.url).last
                == "http://169.254.0.9/latest/meta-data/ram/security-credentials/EcsReInitRole")
    }

    struct MissingFieldCase: Sendable, CustomTestStringConvertible {
        var profile: AliyunConfigFile.Profile
        var field: String
        var testDescription: String { "\(profile.mode ?? "AK") without \(field)" }
    }

    static let missingFieldCases: [MissingFieldCase] = [
        MissingFieldCase(profile: .init(name: "p", mode: "AK", accessKeySecret: "kept-secret"), field: "access_key_id"),
        MissingFieldCase(profile: .init(name: "p", mode: "AK", accessKeyId: "LTAIp"), field: "access_key_secret"),
        MissingFieldCase(profile: .init(name: "p", accessKeyId: "LTAIp"), field: "access_key_secret"),
        MissingFieldCase(
            profile: .init(name: "p", mode: "StsToken", accessKeyId: "STS.p", accessKeySecret: "kept-secret"),
            field: "sts_token"),
        MissingFieldCase(
            profile: .init(name: "p", mode: "StsToken", accessKeyId: "STS.p", stsToken: "kept-token"),
            field: "access_key_secret"),
    ]

    @Test(arguments: missingFieldCases)
    func aModeWithoutItsRequiredFieldNamesProfileModeAndField(_ testCase: MissingFieldCase) throws {
        let error = #expect(throws: CredentialError.self) {
            _ = try ProfileCredentialProvider(profile: testCase.profile, transport: transport)
        }
        #expect(error?.kind == .missingProfileField)
        let mode = testCase.profile.mode ?? "AK"
        let message = try #require(error?.message)
        #expect(message.hasPrefix("profile \"p\" uses mode \(mode) but has no \(testCase.field);"))
        #expect(!message.contains("kept-secret") && !message.contains("kept-token"))
    }

    @Test(arguments: ["RamRoleArn", "ChainableRamRoleArn", "External", "CredentialsURI", "OIDC", "CloudSSO"])
    func unsupportedModesNameTheSupportedOnes(mode: String) {
        let error = #expect(throws: CredentialError.self) {
            _ = try ProfileCredentialProvider(
                profile: .init(name: "assume", mode: mode, accessKeyId: "LTAIx", accessKeySecret: "x-secret"),
                transport: transport)
        }
        #expect(error?.kind == .unsupportedMode)
        #expect(
            error?.message
                == "profile \"assume\" uses mode \"\(mode)\", which is not supported; "
                + "supported modes: AK, StsToken, EcsRamRole")
    }
}
