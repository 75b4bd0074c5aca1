import AliyunCore
import Foundation
import TestSupport
import Testing

/// A config file as `aliyun configure` writes it: every field present, unused ones empty, some numeric.
let cliWrittenConfig = """
    {
      "current": "prod",
      "profiles": [
        {
          "name": "default", "mode": "AK", "access_key_id": "LTAIdefault", "access_key_secret": "default-secret",
          "sts_token": "", "ram_role_name": "", "ram_role_arn": "", "ram_session_name": "", "private_key": "",
          "key_pair_name": "", "expired_seconds": 0, "verified": "", "region_id": "cn-hangzhou",
          "output_format": "json", "language": "en", "site": "", "retry_timeout": 0, "retry_count": 0
        },
        {
          "name": "prod", "mode": "StsToken", "access_key_id": "STS.prod", "access_key_secret": "prod-secret",
          "sts_token": "prod-token", "region_id": "cn-shanghai", "sts_expiration": 1733000000
        },
        { "name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsReInitRole", "region_id": "cn-beijing" }
      ],
      "meta_path": ""
    }
    """

@Suite struct CredentialConfigFileTests {
    let path = "/home/someone/.aliyun/config.json"

    @Test func parsesTheFieldsItNeedsAndIgnoresTheRest() throws {
        let file = try AliyunConfigFile(data: Data(cliWrittenConfig.utf8), path: path)
        #expect(file.current == "prod")
        #expect(file.profileNames == ["default", "prod", "ecs"])
        #expect(
            file.profile(named: "default")
                == AliyunConfigFile.Profile(
                    name: "default", mode: "AK", accessKeyId: "LTAIdefault", accessKeySecret: "default-secret",
                    regionId: "cn-hangzhou"))
        #expect(file.profile(named: "prod")?.stsToken == "prod-token")
        #expect(file.profile(named: "ecs")?.ramRoleName == "EcsReInitRole")
        #expect(file.profile(named: "ecs")?.accessKeyId == nil)
        #expect(file.profile(named: "missing") == nil)
    }

    @Test(arguments: ["{}", #"{"current": "", "profiles": []}"#, #"{"profiles": [], "plugins": {"x": [1, 2]}}"#])
    func skeletonFilesLoadEmpty(_ text: String) throws {
        let file = try AliyunConfigFile(data: Data(text.utf8), path: path)
        #expect(file == AliyunConfigFile())
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var text: String
        var hint: String
        var testDescription: String { hint }
    }

    static let malformedCases: [MalformedCase] = [
        MalformedCase(text: "{\n  \"current\": \"a\",,\n}", hint: "line 2, column 18"),
        MalformedCase(text: "", hint: "end of file"),
        MalformedCase(text: #"{"profiles": {"name": "x"}}"#, hint: "at profiles:"),
        MalformedCase(text: #"{"profiles": [{"name": "a"}, {"name": 3}]}"#, hint: "at profiles[1].name:"),
        MalformedCase(text: #"{"current": ["a"]}"#, hint: "at current:"),
        MalformedCase(text: #"["not", "an", "object"]"#, hint: "at the top level:"),
    ]

    @Test(arguments: malformedCases)
    func malformedFilesNameThePathAndWhere(_ testCase: MalformedCase) throws {
        let error = #expect(throws: CredentialError.self) {
            _ = try AliyunConfigFile(data: Data(testCase.text.utf8), path: path)
        }
        #expect(error?.kind == .malformedConfigFile)
        let message = try #require(error?.message)
        #expect(message.hasPrefix("\(path) is not a valid Alibaba Cloud CLI config file: "))
        #expect(message.contains(testCase.hint), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func aMissingFileIsNotAnError() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        #expect(try AliyunConfigFile.load(path: AliyunConfigFile.path(homeDirectory: home.path)) == nil)
    }

    @Test func anUnreadableFileNamesThePathAndTheReason() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        // A directory where the file should be: unreadable even for root, unlike `chmod 000`.
        let path = AliyunConfigFile.path(homeDirectory: home.path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = #expect(throws: CredentialError.self) { _ = try AliyunConfigFile.load(path: path) }
        #expect(error?.kind == .configFileUnreadable)
        #expect(error?.message == "cannot read \(path): Is a directory")
    }

    @Test func loadsFromDisk() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(cliWrittenConfig, to: ".aliyun/config.json")
        #expect(path == AliyunConfigFile.path(homeDirectory: home.path))
        #expect(try AliyunConfigFile.load(path: path)?.profileNames == ["default", "prod", "ecs"])
    }

    struct SelectionCase: Sendable, CustomTestStringConvertible {
        var label: String
        var current: String?
        var explicit: String?
        var environment: [String: String] = [:]
        var expected: String
        var testDescription: String { label }
    }

    static let selectionCases: [SelectionCase] = [
        SelectionCase(label: "current", current: "prod", expected: "prod"),
        SelectionCase(label: "explicit beats current", current: "prod", explicit: "ecs", expected: "ecs"),
        SelectionCase(
            label: "ALIBABA_CLOUD_PROFILE beats current", current: "prod",
            environment: ["ALIBABA_CLOUD_PROFILE": "ecs"], expected: "ecs"),
        SelectionCase(
            label: "explicit beats ALIBABA_CLOUD_PROFILE", current: "prod", explicit: "default",
            environment: ["ALIBABA_CLOUD_PROFILE": "ecs"], expected: "default"),
        SelectionCase(
            label: "empty ALIBABA_CLOUD_PROFILE is unset", current: "prod",
            environment: ["ALIBABA_CLOUD_PROFILE": ""], expected: "prod"),
        SelectionCase(label: "no current means default", current: nil, expected: "default"),
    ]

    @Test(arguments: selectionCases)
    func profileSelection(_ testCase: SelectionCase) throws {
        var file = try AliyunConfigFile(data: Data(cliWrittenConfig.utf8), path: path)
        file.current = testCase.current
        let profile = try file.selectProfile(named: testCase.explicit, environment: testCase.environment, path: path)
        #expect(profile.name == testCase.expected)
    }

    @Test(
        arguments: [
            (nil, ["ALIBABA_CLOUD_PROFILE": "staging"], " (named by ALIBABA_CLOUD_PROFILE)"),
            ("staging", [:], ""),
            (nil, [:], " (named by the file's \"current\")"),
        ] as [(String?, [String: String], String)])
    func unknownProfileListsTheAvailableOnes(explicit: String?, environment: [String: String], origin: String) throws {
        var file = try AliyunConfigFile(data: Data(cliWrittenConfig.utf8), path: path)
        file.current = "staging"
        let error = #expect(throws: CredentialError.self) {
            _ = try file.selectProfile(named: explicit, environment: environment, path: path)
        }
        #expect(error?.kind == .profileNotFound)
        #expect(
            error?.message
                == "no profile \"staging\"\(origin) in \(path); available profiles: \"default\", \"prod\", \"ecs\"")
    }

    @Test func unknownProfileInAnEmptyFileSaysSo() {
        let error = #expect(throws: CredentialError.self) {
            _ = try AliyunConfigFile().selectProfile(named: "prod", environment: [:], path: path)
        }
        #expect(error?.message == "no profile \"prod\" in \(path); the file has no profiles")
    }

    @Test(arguments: [(0o644, "0644"), (0o640, "0640"), (0o604, "0604"), (0o660, "0660"), (0o600, nil), (0o400, nil)])
    func permissionWarning(mode: Int, shown: String?) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(cliWrittenConfig, to: ".aliyun/config.json", permissions: mode)
        let warning = AliyunConfigFile.permissionWarning(path: path)
        if let shown {
            let text = try #require(warning)
            #expect(text.contains("(mode \(shown))"))
            #expect(text.hasSuffix("run: chmod 600 \(path)"))
        } else {
            #expect(warning == nil)
        }
    }
}

struct ProfileRedactionTests {
    @Test func aProfileNeverShowsItsSecretOrToken() {
        let profile = AliyunConfigFile.Profile(
            name: "p", mode: "StsToken", accessKeyId: "LTAIp", accessKeySecret: "p-secret-42", stsToken: "tok-77")
        var dumped = ""
        dump(profile, to: &dumped)
        for text in ["\(profile)", String(reflecting: profile), dumped] {
            #expect(text.contains("LTAIp"))
            #expect(!text.contains("p-secret-42"))
            #expect(!text.contains("tok-77"))
        }
    }
}
