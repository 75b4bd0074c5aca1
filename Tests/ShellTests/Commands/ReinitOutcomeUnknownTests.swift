import AliyunCore
import Testing

@testable import Shell

/// A ReInitDisk whose answer is lost may have reset the disk: it is never sent again, and the user is
/// told to look before retrying.
struct ReinitOutcomeUnknownTests {
    @Test func aLostAnswerIsReportedAndNotRetried() async throws {
        let shell = try ShellHarness(wrap: { AnswerLosingTransport(next: $0, diskIds: ["d-bp1oksystem000001"]) })
        let error = await shell.run("reinit d-bp1oksystem000001 d-bp1localsystem001")
        #expect((error as? ReinitFailure)?.failedDiskIds == ["d-bp1oksystem000001"])
        #expect(shell.calls("ReInitDisk") == 2)
        let row = try #require(shell.output.split(separator: "\n").first { $0.hasPrefix("d-bp1oksystem000001") })
        #expect(row.contains("unknown"))
        #expect(row.contains("outcome unknown — check with `disk d-bp1oksystem000001` before retrying"))
        // It did happen: the emulator reset the disk.
        #expect(try await shell.diskStatus("d-bp1oksystem000001") == "ReIniting")
    }

    @Test func aLostAnswerForOneDiskIsTheError() async throws {
        let shell = try ShellHarness(wrap: { AnswerLosingTransport(next: $0, diskIds: ["d-bp1oksystem000001"]) })
        let error = await shell.run("reinit d-bp1oksystem000001")
        #expect((error as? RPCError)?.code == .outcomeUnknown)
        #expect(shell.calls("ReInitDisk") == 1)
        #expect(shell.errors.contains("Do not simply retry"))
    }
}
