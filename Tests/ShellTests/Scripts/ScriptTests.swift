import AliyunCore
import Foundation
import Testing

@testable import Shell

/// Scripts: `-c`, `-f FILE`, piped standard input, `source`; exit statuses and `FILE:LINE:` errors.
struct ScriptTests {
    @Test func resultsPrintAsOneJSONObjectPerLineWhenStdoutIsNotATerminal() async throws {
        let result = await (try ScriptHarness()).run(["-c", "disks; regions; show session"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try result.jsonLines()
        #expect(lines.count == 3)
        #expect(lines[0]["Disks"] != nil)
        #expect(lines[1]["Regions"] != nil)
        #expect(lines[2]["password"] == .string("unset"))
    }

    @Test func aFailingCommandStopsTheScriptWithItsFileAndLine() async throws {
        let harness = try ScriptHarness()
        let path = try harness.file(
            "deploy.ecsh",
            """
            # reset the web server
            echo one

            reinti d-bp1oksystem000001
            echo never
            """)
        let result = await harness.run(["-f", path])
        #expect(result.status == 1)
        #expect(result.output == "one\n")
        #expect(result.errors.hasPrefix("\(path):4: error: unknown command \"reinti\" (did you mean `reinit`?)"))
    }

    @Test(arguments: [["--continue-on-error"], ["-c", "set on-error continue"]])
    func continuingAfterAFailureStillEndsWithStatusOne(_ extra: [String]) async throws {
        let harness = try ScriptHarness()
        let path = try harness.file("s.ecsh", "set on-error continue\ndisk d-nope\necho after\n")
        let arguments = extra.first == "-c" ? ["-f", path] : extra + ["-f", path]
        let result = await harness.run(arguments)
        #expect(result.status == 1)
        #expect(result.output.hasSuffix("after\n"))
        #expect(result.errors.contains("\(path):2: error: "))
    }

    @Test func commandsFromStandardInputAreNamedStdin() async throws {
        let result = await (try ScriptHarness()).run([], stdin: "echo hi\nuse region mars\n")
        #expect(result.status == 1)
        #expect(result.output == "hi\n")
        #expect(result.errors.contains("<stdin>:2: error: use region: unknown region \"mars\"; known: cn-hangzhou"))
    }

    @Test func anUnreadableFileIsAUsageError() async throws {
        let result = await (try ScriptHarness()).run(["-f", "/nonexistent/x.ecsh"])
        #expect(result.status == 2)
        #expect(result.errors == "ecsh: cannot read /nonexistent/x.ecsh: no such file\n")
    }

    @Test func exitEndsTheScriptWithItsStatus() async throws {
        let result = await (try ScriptHarness()).run(["-c", "echo a; exit 3; echo b"])
        #expect(result.status == 3)
        #expect(result.output == "a\n")
    }

    @Test func aContinuedCommandIsReportedAtItsFirstLine() async throws {
        let harness = try ScriptHarness()
        let path = try harness.file("c.ecsh", "echo a \\\n  b\ndisk \\\n  d-nope\n")
        let result = await harness.run(["-f", path])
        #expect(result.output == "a b\n")
        #expect(result.errors.hasPrefix("\(path):3: error: "))
        #expect(result.status == 1)
    }

    @Test func anUnterminatedQuoteAtTheEndFails() async throws {
        let result = await (try ScriptHarness()).run([], stdin: "echo 'open\n")
        #expect(result.status == 1)
        #expect(result.errors.contains("<stdin>:1: error: the command is not finished"))
    }

    @Test func variablesExpandOnLaterLines() async throws {
        let result = await (try ScriptHarness()).run(["-c", "set DISK d-bp1oksystem000001\ndisk ${DISK}"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try result.jsonLines().first?["DiskId"] == .string("d-bp1oksystem000001"))
    }

    @Test func anUndefinedVariableIsAnError() async throws {
        let result = await (try ScriptHarness()).run(["-c", "echo ${NOPE_NOT_SET}"])
        #expect(result.status == 1)
        #expect(result.errors.contains("NOPE_NOT_SET"))
    }

    @Test func echoShowsCommandsWithThePasswordMasked() async throws {
        let result = await (try ScriptHarness()).run(["--echo", "-c", "set password 'Secr3t!Pass'; show session"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("+ set password ******\n"))
        #expect(result.errors.contains("warning: a password typed on the command line"))
        #expect(!result.errors.contains("Secr3t"))
        #expect(!result.output.contains("Secr3t"))
        #expect(try result.jsonLines().last?["password"] == .string("set"))
    }

    @Test func aPasswordFromTheEnvironmentIsCheckedAgainstTheRule() async throws {
        var harness = try ScriptHarness()
        harness.environment["PW"] = "Qz9"
        let result = await harness.run(["-c", "set password --from-env PW"])
        #expect(result.status == 1)
        #expect(result.errors.contains("-c:1: error: set password: the password is not accepted"))
        #expect(!result.errors.contains("Qz9"))
    }

    @Test func setPasswordWithoutATerminalNamesTheScriptSources() async throws {
        let result = await (try ScriptHarness()).run(["-c", "set password"])
        #expect(result.status == 1)
        #expect(result.errors.contains("--from-env VAR, --from-file PATH or --stdin"))
    }

    @Test func aPasswordCanComeFromAFileOrStandardInput() async throws {
        let harness = try ScriptHarness()
        let path = try harness.file("pw", "Good2Pass!\n")
        let fromFile = await harness.run(["-c", "set password --from-file \(path); show session"])
        #expect(fromFile.status == 0, "\(fromFile.errors)")
        #expect(fromFile.errors.contains("-c:1: warning: \(path) can be read by others (mode 644)"))
        #expect(try fromFile.jsonLines().last?["password"] == .string("set"))
        let script = try harness.file("s.ecsh", "set password --stdin\nshow session\n")
        let fromStdin = await harness.run(["-f", script], stdin: "Good2Pass!\n")
        #expect(fromStdin.status == 0, "\(fromStdin.errors)")
        #expect(!fromStdin.output.contains("Good2Pass"))
    }

    @Test func sourceRunsAFileInTheSameSessionAndReportsItsLines() async throws {
        let harness = try ScriptHarness()
        let inner = try harness.file("inner.ecsh", "set output text\necho inner\ndisk d-nope\n")
        let result = await harness.run(["-c", "source \(inner); echo after"])
        #expect(result.status == 1)
        #expect(result.output == "inner\n")
        #expect(result.errors.contains("\(inner):3: error: "))
        #expect(!result.errors.contains("-c:1: error:"))
    }

    @Test func helpExplainsACommandAndSuggestsOnTypos() async throws {
        let help = await (try ScriptHarness()).run(["-c", "help disks"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("usage: disks [--instance ID] [--status STATUS]"))
        #expect(help.output.contains("--status"))
        let typo = await (try ScriptHarness()).run(["-c", "help dsks"])
        #expect(typo.status == 1)
        #expect(typo.errors.contains("did you mean disks?"))
    }

    @Test func everyCommandHasHelp() async throws {
        for spec in CommandTable.specs {
            let result = await (try ScriptHarness()).run(["-c", "help \(spec.name)"])
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("usage: \(spec.synopsis)"))
        }
    }

    @Test func tableOutputAlignsColumns() async throws {
        let result = await (try ScriptHarness()).run(["-o", "table", "-c", "regions"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("RegionId") == true)
        #expect(lines.dropFirst().first?.allSatisfy { $0 == "-" || $0 == " " } == true)
        #expect(lines.contains { $0.hasPrefix("cn-hangzhou ") })
    }

    @Test func useRegionChangesWhereCallsGo() async throws {
        let result = await (try ScriptHarness()).run(["-c", "use region cn-shanghai; show session"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try result.jsonLines().last?["region"] == .string("cn-shanghai"))
    }

    @Test func useProfileNamesTheKnownProfiles() async throws {
        let result = await (try ScriptHarness()).run(["-c", "use profile nope"])
        #expect(result.status == 1)
        #expect(result.errors.contains("use profile: no profile \"nope\""))
    }

    @Test func hintsFollowTheLanguage() async throws {
        var harness = try ScriptHarness()
        harness.environment["LANG"] = "zh_CN.UTF-8"
        let chinese = await harness.run(["-c", "call ReInitDisk DiskId=d-bp1errlocked00001"])
        #expect(chinese.status == 1)
        #expect(chinese.errors.contains("-c:1: error: InstanceLockedForSecurity: "))
        #expect(chinese.errors.contains("  提示："))
        let english = await harness.run(["-c", "set language en; call ReInitDisk DiskId=d-bp1errlocked00001"])
        #expect(english.errors.contains("  hint: "))
        #expect(!english.errors.contains("提示"))
    }

    @Test func textOutputIsTabSeparated() async throws {
        let result = await (try ScriptHarness()).run(["-o", "text", "-c", "regions"])
        #expect(result.status == 0)
        #expect(result.output.split(separator: "\n").first == "cn-hangzhou\t华东1（杭州）")
    }

    @Test func useEndpointNeedsCredentialsAndKeepsThem() async throws {
        var harness = try ScriptHarness()
        let without = await harness.run(["-c", "use endpoint http://127.0.0.1:9"])
        #expect(without.status == 1)
        #expect(without.errors.contains("error: no credentials found"))
        harness.environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "id"
        harness.environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "secret"
        let with = await harness.run(["-c", "use endpoint http://127.0.0.1:9; show session; use sandbox; show session"])
        #expect(with.status == 0, "\(with.errors)")
        let sessions = try with.jsonLines()
        #expect(sessions.first?["endpoint"] == .string("http://127.0.0.1:9"))
        #expect(sessions.first?["target"] == .string("127.0.0.1:9"))
        #expect(sessions.last?["target"] == .string("sandbox"))
    }

    @Test func variablesCanBeUnset() async throws {
        let result = await (try ScriptHarness()).run(["-c", "set X 1\nunset X\nunset X"])
        #expect(result.status == 1)
        #expect(result.errors.contains("-c:3: error: unset: no variable X"))
    }

    @Test func aVariableSetEarlierOnTheSameLineExpands() async throws {
        let result = await (try ScriptHarness()).run(["-c", "set WHO world; echo hello ${WHO}"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "hello world\n")
    }

    @Test func aVariableNamedLikeASettingIsQuestioned() async throws {
        let result = await (try ScriptHarness()).run(["-c", "set passwrd x; show session"])
        #expect(result.status == 0)
        #expect(result.errors.contains("-c:1: warning: passwrd was set as a variable; did you mean `set password`?"))
        #expect(try result.jsonLines().last?["password"] == .string("unset"))
    }

    @Test func resourceCommandsAnswerFromTheSandbox() async throws {
        let result = await (try ScriptHarness()).run([
            "-c",
            "instances --status Running; instance i-bp1sandboxweb0001; keypairs; disks --instance i-bp1sandboxweb0001",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try result.jsonLines()
        #expect(lines.count == 4)
        guard lines.count == 4 else { return }
        let running = Self.array(lines[0]["Instances"])?.compactMap { $0["InstanceId"]?.stringValue }
        #expect(running == ["i-bp1running0000001"])
        #expect(lines[1]["InstanceId"] == .string("i-bp1sandboxweb0001"))
        #expect(Self.array(lines[1]["Disks"])?.count == 3)
        let keyPairs = Self.array(lines[2]["KeyPairs"])?.compactMap { $0["KeyPairName"]?.stringValue }
        #expect(keyPairs?.contains("ecsh-demo") == true)
        #expect(Self.array(lines[3]["Disks"])?.count == 3)
    }

    static func array(_ value: JSONValue?) -> [JSONValue]? {
        guard case .array(let items)? = value else { return nil }
        return items
    }

    @Test func aMissingInstanceIsNamedWithItsRegion() async throws {
        let result = await (try ScriptHarness()).run(["-c", "instance i-nope"])
        #expect(result.status == 1)
        #expect(result.errors.contains("instance i-nope was not found in region cn-hangzhou"))
    }

    @Test func preflightFailuresGetChineseHintsInChinese() async throws {
        var harness = try ScriptHarness()
        harness.environment["LANG"] = "zh_CN.UTF-8"
        let result = await harness.run(["-c", "reinit d-bp1errrunning0001"])
        #expect(result.status == 1)
        #expect(result.errors.contains("(IncorrectInstanceStatus)\n  提示："))
        harness.environment["LANG"] = "C"
        let english = await harness.run(["-c", "reinit d-bp1errrunning0001"])
        #expect(english.errors.hasSuffix("(IncorrectInstanceStatus)\n"))
    }

    @Test func passwordFromStandardInputIsRefusedWhenTheCommandsComeFromIt() async throws {
        let result = await (try ScriptHarness()).run([], stdin: "set password --stdin\nGood2Pass!\n")
        #expect(result.status == 1)
        #expect(result.errors.contains("<stdin>:1: error: set password --stdin: standard input holds the commands"))
        #expect(!result.errors.contains("Good2Pass"))
    }

    @Test func useProfileSwitchesTargetAndPromptNameAndBackToTheSandbox() async throws {
        let harness = try ScriptHarness()
        _ = try harness.home.write(
            #"{"current": "dev", "profiles": [{"name": "prod", "mode": "AK", "access_key_id": "LTAIp", "#
                + #""access_key_secret": "p-secret", "region_id": "cn-shanghai"}, {"name": "dev", "mode": "AK", "#
                + #""access_key_id": "LTAId", "access_key_secret": "d-secret"}]}"#,
            to: ".aliyun/config.json")
        let result = await harness.run([
            "-c", "use profile prod; show session; use region ap-southeast-1; use sandbox; show session",
        ])
        let sessions = try result.jsonLines()
        #expect(sessions.first?["target"] == .string("prod"))
        #expect(sessions.first?["endpoint"] == .string("https://ecs-cn-hangzhou.aliyuncs.com"))
        #expect(sessions.first?["credentials"]?.stringValue?.contains("prod") == true)
        #expect(!result.output.contains("p-secret"))
        // No call reaches the cloud in a test: checking the region fails over the test's transport, with a
        // warning, and the switch still happens.
        #expect(result.errors.contains("-c:1: warning: could not check region ap-southeast-1"))
        #expect(sessions.last?["target"] == .string("sandbox"))
        #expect(sessions.last?["region"] == .string("ap-southeast-1"))
    }
}
