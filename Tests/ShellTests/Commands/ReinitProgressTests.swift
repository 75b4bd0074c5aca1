import Testing

@testable import Shell

struct ReinitProgressTests {
    @Test(arguments: [
        ([ReinitProgress.Phase.status("ReIniting")], "d-a ReIniting 4s"),
        ([.stopping("Stopping")], "d-a instance Stopping 4s"),
        ([.calling, .status("ReIniting"), .done], "d-a done 4s"),
    ])
    func oneDiskShowsItsPhase(events: [ReinitProgress.Phase], line: String) {
        var progress = ReinitProgress(diskIds: ["d-a"])
        for event in events { progress.record(event, for: "d-a") }
        #expect(progress.line(seconds: 4) == line)
    }

    @Test func severalDisksAreCountedPerPhase() {
        var progress = ReinitProgress(diskIds: ["d-a", "d-b", "d-c", "d-d"])
        progress.record(.status("ReIniting"), for: "d-a")
        progress.record(.status("ReIniting"), for: "d-c")
        progress.record(.failed, for: "d-d")
        #expect(progress.line(seconds: 12) == "4 disks: 2 ReIniting, 1 queued, 1 failed 12s")
    }

    @Test func recordingTheSamePhaseTwiceChangesNothing() {
        var progress = ReinitProgress(diskIds: ["d-a"])
        let first = progress.record(.calling, for: "d-a")
        let second = progress.record(.calling, for: "d-a")
        #expect(first)
        #expect(!second)
    }

    @Test func theLiveLineIsDrawnAndClearedAtATerminal() async throws {
        let shell = try ShellHarness(answer: true)
        #expect(await shell.run("reinit d-bp1oksystem000001 --wait --yes") == nil)
        #expect(shell.errors.contains("d-bp1oksystem000001 ReIniting 2s"))
        #expect(shell.errors.hasSuffix("\r\u{1B}[2K"))
    }

    @Test func noLiveLineInAScript() async throws {
        let shell = try ShellHarness()
        #expect(await shell.run("reinit d-bp1oksystem000001 --wait") == nil)
        #expect(shell.errors.isEmpty)
    }
}
