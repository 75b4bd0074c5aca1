import AliyunCore
import Testing

@testable import Shell

struct StopStartCommandTests {
    @Test func stopWithWaitReturnsOnceStopped() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("stop i-bp1running0000001 --wait") == nil)
        #expect(shell.calls("StopInstance") == 1)
        #expect(try await shell.instanceStatus("i-bp1running0000001") == "Stopped")
        let row = try #require(shell.output.split(separator: "\n").first { $0.hasPrefix("i-bp1running0000001") })
        #expect(row.contains("Stopped"))
    }

    @Test func stopWithoutWaitShowsTheStatusRightAfter() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("stop i-bp1running0000001 --force") == nil)
        #expect(shell.calls("StopInstance") == 1)
        #expect(shell.output.contains("Stopping"))
    }

    @Test func startWithWaitReturnsOnceRunning() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("start i-bp1sandboxweb0001 --wait") == nil)
        #expect(shell.calls("StartInstance") == 1)
        #expect(try await shell.instanceStatus("i-bp1sandboxweb0001") == "Running")
        #expect(shell.output.contains("Running"))
    }

    @Test func aStopTheAPIRefusesIsItsErrorAfterOneCall() async throws {
        let shell = try ShellHarness()
        let error = await shell.run("stop i-bp1sandboxweb0001 --wait")
        #expect((error as? ServiceError)?.code == "IncorrectInstanceStatus")
        #expect(shell.calls("StopInstance") == 1)
    }

    @Test func startWaitingTooLongFails() async throws {
        let shell = try ShellHarness { world in world.timing.startSeconds = 3600 }
        let error = await shell.run("start i-bp1sandboxweb0001 --wait --timeout 10")
        #expect(
            error as? WaitError
                == .timedOut(
                    subject: "instance i-bp1sandboxweb0001", target: "Running", lastStatus: "Starting", seconds: 10))
    }
}
