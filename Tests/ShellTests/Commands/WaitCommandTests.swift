import AliyunCore
import Testing

@testable import Shell

struct WaitCommandTests {
    @Test func waitsForADiskToBeInUseAgain() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("reinit d-bp1oksystem000001") == nil)
        #expect(await shell.run("wait disk d-bp1oksystem000001 In_use") == nil)
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "In_use")
        let row = try #require(shell.output.split(separator: "\n").last)
        #expect(row.hasPrefix("d-bp1oksystem000001"))
        #expect(row.contains("In_use"))
    }

    @Test func aStatusAlreadyThereReturnsAtOnceInAnyCase() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("wait instance i-bp1running0000001 running") == nil)
        #expect(shell.sleeper.durations.isEmpty)
        #expect(shell.output.contains("Running"))
    }

    @Test func aTimeoutNamesWhatWasAwaitedAndTheLastStatus() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("wait disk d-bp1erravailable01 In_use --timeout 5")
        #expect(
            error as? WaitError
                == .timedOut(subject: "disk d-bp1erravailable01", target: "In_use", lastStatus: "Available", seconds: 5)
        )
        #expect(shell.errors.contains("last status seen: Available"))
    }

    @Test func aDiskNotFoundIsSaid() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("wait disk d-bp1doesnotexist01 In_use")
        #expect(
            error as? WaitError
                == .vanished(subject: "disk d-bp1doesnotexist01", target: "In_use", region: "cn-hangzhou"))
    }
}
