import AliyunCore
import ECS
import Foundation
import Testing

@testable import Shell

struct ReinitCommandTests {
    @Test func aStoppedInstancesSystemDiskIsReInitialisedOnce() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == 1)
        #expect(shell.output.contains("d-bp1oksystem000001"))
        #expect(shell.output.contains("ReIniting"))
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "ReIniting")
        shell.clock.advance(by: 5)
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "In_use")
    }

    @Test func waitReturnsOnceTheDiskIsInUseAndTheAutostartedInstanceRunning() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001 --autostart --wait")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == 1)
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "In_use")
        #expect(try await shell.instanceStatus("i-bp1sandboxweb0001") == "Running")
        #expect(shell.output.contains("In_use"))
        // ReInitSeconds 5 + StartSeconds 3, polled every 2 s.
        #expect(shell.sleeper.durations.count >= 4)
    }

    /// A disk of the sandbox for each precondition Describe shows, and what the one line says.
    static let preflightCases: [(disk: String, says: String)] = [
        ("d-bp1doesnotexist01", "no such disk in region cn-hangzhou"),
        ("d-uf6oksystem000001", "no such disk in region cn-hangzhou"),
        ("d-bp1erravailable01", "Available, not attached"),
        ("d-bp1errrunning0001", "add --stop-first, or run `stop i-bp1running0000001 --wait`"),
        ("d-bp1errlocked00001", "locked for security"),
        ("d-bp1errexpired0001", "expired or is in arrears"),
        ("d-bp1errnoioopt0001", "not I/O optimised"),
        ("d-bp1errlocaldisk01", "local disk (ephemeral_ssd)"),
        ("d-bp1errmultiattach", "multi-attach"),
    ]

    @Test(arguments: preflightCases)
    func aPreconditionDescribeShowsIsNamedBeforeAnyCall(disk: String, says: String) async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit \(disk) --yes")
        let preflight = try #require(error as? PreflightError)
        #expect(preflight.description.hasPrefix("\(disk): "))
        #expect(preflight.description.contains(says))
        #expect(!preflight.description.contains("\n"))
        #expect(shell.calls("ReInitDisk") == 0)
        #expect(shell.calls("DescribeDisks") == 1)
    }

    /// What Describe does not show: the API's own answer, after exactly one call.
    static let apiCases: [(disk: String, code: String)] = [
        ("d-bp1errneverstart1", "IncorrectInstanceStatus"),
        ("d-bp1errimagegone01", "InvalidDiskId.OperationNotSupported"),
        ("d-bp1errimagedel001", "InvalidImageId.NotFound"),
        ("d-bp1errsharedimg01", "SharedImageDeleted"),
        ("d-bp1errsnapgone001", "OperationDenied"),
        ("d-bp1errsnapdel0001", "InvalidSourceSnapshot"),
        ("d-bp1errsnapold0001", "InvalidSnapshot.TooOld"),
        ("d-bp1errsnapshotng1", "DiskCreatingSnapshot"),
    ]

    @Test(arguments: apiCases)
    func whatDescribeDoesNotShowIsTheAPIsAnswer(disk: String, code: String) async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit \(disk)")
        let service = try #require(error as? ServiceError)
        #expect(service.code == code)
        #expect(shell.calls("ReInitDisk") == 1)
    }

    @Test func anInstanceNeverStartedIsExplainedAfterTheAPIsAnswer() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1errneverstart1")
        let service = try #require(error as? ServiceError)
        #expect(service.message.contains("probably never been started"))
        #expect(service.message.contains("start i-bp1neverstarted01 --wait"))
    }

    @Test func withoutPreflightTheAPIAnswers() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1errrunning0001 --no-preflight")
        #expect((error as? ServiceError)?.code == "IncorrectInstanceStatus")
        #expect(shell.calls("ReInitDisk") == 1)
        #expect(shell.calls("DescribeDisks") == 0)
    }

    @Test func aWindowsPasswordStartingWithASlashIsRefusedBeforeTheCall() async throws {
        let shell = try ShellHarness()
        shell.setPassword("/Windows2024pw")
        let error = await shell.run("reinit d-bp1okwindows00001")
        let preflight = try #require(error as? PreflightError)
        #expect(preflight.description.contains("starts with \"/\""))
        #expect(shell.calls("ReInitDisk") == 0)
        // The same password is fine on Linux.
        #expect(await shell.run("reinit d-bp1oksystem000001") == nil)
    }

    @Test(arguments: [
        ("reinit d-bp1okwindows00001 --keypair ecsh-demo", "runs Windows, which takes no key pair"),
        (
            "reinit d-bp1oksystem000001 --keypair no-such-key",
            "key pair no-such-key does not exist in region cn-hangzhou"
        ),
    ])
    func keyPairsAreCheckedBeforeTheCall(line: String, says: String) async throws {
        let shell = try ShellHarness()
        let error = await shell.run(line)
        #expect((error as? PreflightError)?.description.contains(says) == true)
        #expect(shell.calls("ReInitDisk") == 0)
    }

    @Test func theSessionsKeyPairIsNotSentForWindows() async throws {
        let shell = try ShellHarness()
        shell.session.update { $0.keyPair = "ecsh-demo" }
        #expect(await shell.run("reinit d-bp1okwindows00001 --dry-run") == nil)
        #expect(!shell.output.contains("KeyPairName"))
        #expect(await shell.run("reinit d-bp1oksystem000001 --dry-run") == nil)
        #expect(shell.output.contains("KeyPairName=ecsh-demo"))
    }

    @Test func aDryRunSendsNothingAndMasksThePassword() async throws {
        let shell = try ShellHarness()
        shell.setPassword("Qx7!dryRunSecret")
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1okdataempty001 --dry-run --autostart")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == 0)
        #expect(shell.output.contains("Password=******"))
        #expect(shell.output.contains("AutoStartInstance=true"))
        #expect(!shell.everything.contains("Qx7!dryRunSecret"))
        // A data disk has no login: no password goes to it.
        let dataRow = try #require(shell.output.split(separator: "\n").first { $0.hasPrefix("d-bp1okdataempty001") })
        #expect(!dataRow.contains("Password"))
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "In_use")
    }

    @Test func thePasswordAppearsInNoOutputErrorOrLog() async throws {
        let secret = "Zk3$uniqueMarker9"
        for format in [OutputFormat.table, .json, .text] {
            let shell = try ShellHarness(output: format)
            shell.setPassword(secret)
            await shell.run("reinit d-bp1oksystem000001 --wait")
            await shell.run("reinit d-bp1okwindows00001 --dry-run")
            await shell.run("reinit d-bp1errimagegone01 d-bp1hostsystem0001")
            await shell.run("reinit d-bp1errrunning0001 --no-preflight")
            await shell.run("reinit d-bp1errrunning0001")
            #expect(shell.calls("ReInitDisk") == 4)
            #expect(shell.everything.contains("ReInitDisk"))
            #expect(!shell.everything.contains(secret))
            #expect(!shell.everything.contains("uniqueMarker"))
        }
    }

    @Test func severalDisksInParallelGetOneCallAndOneRowEach() async throws {
        let shell = try ShellHarness()
        let disks = ["d-bp1oksystem000001", "d-bp1okdataempty001", "d-bp1okdatasnap0001", "d-bp1hostsystem0001"]
        let error = await shell.run("reinit \(disks.joined(separator: " ")) --parallel 2 --wait")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == disks.count)
        #expect(shell.calls("DescribeDisks") >= 1)
        let rows = shell.output.split(separator: "\n").filter { $0.hasPrefix("d-") }
        #expect(rows.count == disks.count)
        for disk in disks {
            #expect(rows.contains { $0.hasPrefix(disk) && $0.contains("In_use") })
        }
    }

    @Test func disksOfOneInstanceStartItOnlyWithTheLast() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1okdataempty001 --autostart --wait")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == 2)
        #expect(try await shell.instanceStatus("i-bp1sandboxweb0001") == "Running")
    }

    @Test func aDiskNamedTwiceIsAUsageError() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1okdataempty001 d-bp1oksystem000001")
        #expect((error as? UsageError)?.message.contains("d-bp1oksystem000001 is named twice") == true)
        #expect(shell.calls("ReInitDisk") == 0)
        #expect(shell.calls("DescribeDisks") == 0)
    }

    @Test func oneFailingDiskFailsTheCommandWhileTheOthersSucceed() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1errimagegone01 d-bp1localsystem001 --parallel 2")
        let failure = try #require(error as? ReinitFailure)
        #expect(failure.failedDiskIds == ["d-bp1errimagegone01"])
        #expect(shell.calls("ReInitDisk") == 3)
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "ReIniting")
        #expect(try await shell.diskStatus("d-bp1localsystem001") == "ReIniting")
        let failedRow = try #require(shell.output.split(separator: "\n").first { $0.hasPrefix("d-bp1errimagegone01") })
        #expect(failedRow.contains("failed"))
        #expect(failedRow.contains("InvalidDiskId.OperationNotSupported"))
        #expect(shell.errors.contains("1 of 3 disks was not re-initialised: d-bp1errimagegone01"))
    }

    @Test func aPreflightFailureOfOneDiskChangesNone() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1erravailable01 d-bp1errlocked00001")
        let preflight = try #require(error as? PreflightError)
        #expect(preflight.problems.count == 2)
        #expect(preflight.description.hasPrefix("nothing was re-initialised: 2 of 3 disks fail"))
        #expect(shell.calls("ReInitDisk") == 0)
    }

    @Test func jsonOutputHasOneObjectPerDisk() async throws {
        let shell = try ShellHarness(output: .json)
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1localsystem001 d-bp1errimagegone01")
        #expect(error is ReinitFailure)
        let lines = try shell.output.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        #expect(lines.count == 3)
        #expect(
            lines.map { $0["DiskId"]?.stringValue } == [
                "d-bp1oksystem000001", "d-bp1localsystem001", "d-bp1errimagegone01",
            ])
        #expect(lines[0]["Status"] == .string("ReIniting"))
        #expect(lines[0]["RequestId"]?.stringValue?.isEmpty == false)
        #expect(lines[2]["Status"] == .string("failed"))
        #expect(lines[2]["Code"] == .string("InvalidDiskId.OperationNotSupported"))
    }

    @Test func stopFirstStopsARunningInstanceThenReInitialises() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("reinit d-bp1errrunning0001 --stop-first")
        #expect(error == nil)
        #expect(shell.calls("StopInstance") == 1)
        #expect(shell.calls("ReInitDisk") == 1)
        #expect(try await shell.instanceStatus("i-bp1running0000001") == "Stopped")
        #expect(try await shell.diskStatus("d-bp1errrunning0001") == "ReIniting")
    }

    @Test func aDryRunWithStopFirstShowsTheStopAndSendsNothing() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("reinit d-bp1errrunning0001 --stop-first --dry-run") == nil)
        #expect(shell.output.contains("StopInstance"))
        #expect(shell.calls("StopInstance") == 0)
        #expect(shell.calls("ReInitDisk") == 0)
    }

    @Test func answeringNoAtTheTerminalChangesNothing() async throws {
        let shell = try ShellHarness(answer: false)
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1okdatasnap0001")
        #expect(error == nil)
        #expect(shell.calls("ReInitDisk") == 0)
        #expect(shell.output.contains("cancelled, nothing was changed"))
        let question = try #require(shell.prompter?.questions.first)
        #expect(shell.prompter?.questions.count == 1)
        #expect(
            question.contains(
                "System disk d-bp1oksystem000001 of i-bp1sandboxweb0001 (linux) will be reset to image "
                    + "aliyun_3_x64_20G_alibase_20240819.vhd — all data on it is lost."))
        #expect(
            question.contains(
                "Data disk d-bp1okdatasnap0001 of i-bp1sandboxweb0001 will be reset to its initial state "
                    + "(snapshot s-bp1appdata00000001)"))
        #expect(question.hasSuffix("Continue? [y/N] "))
    }

    @Test func answeringYesReInitialises() async throws {
        let shell = try ShellHarness(answer: true)
        #expect(await shell.run("reinit d-bp1okdataempty001") == nil)
        #expect(shell.prompter?.questions.first?.contains("(empty)") == true)
        #expect(shell.calls("ReInitDisk") == 1)
    }

    @Test(arguments: ["reinit d-bp1oksystem000001 --yes", "reinit d-bp1oksystem000001 --dry-run"])
    func yesAndDryRunAskNothing(line: String) async throws {
        let shell = try ShellHarness(answer: false)
        #expect(await shell.run(line) == nil)
        #expect(shell.prompter?.questions.isEmpty == true)
    }

    @Test func theSessionsAssumeYesAsksNothing() async throws {
        let shell = try ShellHarness(answer: false)
        shell.session.update { $0.assumeYes = true }
        #expect(await shell.run("reinit d-bp1oksystem000001") == nil)
        #expect(shell.prompter?.questions.isEmpty == true)
        #expect(shell.calls("ReInitDisk") == 1)
    }

    @Test func waitingTooLongFailsNamingTheLastStatus() async throws {
        let shell = try ShellHarness { world in world.timing.reInitSeconds = 3600 }
        let error = await shell.run("reinit d-bp1oksystem000001 --wait --timeout 30")
        #expect(
            error as? WaitError
                == .timedOut(
                    subject: "disk d-bp1oksystem000001", target: "In_use", lastStatus: "ReIniting", seconds: 30))
        #expect(shell.calls("ReInitDisk") == 1)
        // The call was accepted: its row says so before the error.
        #expect(shell.output.contains("d-bp1oksystem000001"))
        #expect(shell.errors.contains("timed out after 30 s waiting for disk d-bp1oksystem000001 to be In_use"))
    }

    @Test func cancellingAWaitStopsPromptlyAfterOneCall() async throws {
        let shell = try ShellHarness { world in world.timing.reInitSeconds = 80_000 }
        let task = Task { await shell.run("reinit d-bp1oksystem000001 --wait --timeout 86400") }
        while shell.calls("ReInitDisk") == 0 { await Task.yield() }
        task.cancel()
        let error = await task.value
        #expect(error is CancellationError)
        #expect(shell.calls("ReInitDisk") == 1)
    }
}
