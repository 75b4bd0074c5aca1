import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// `ecsh serve --log FILE` when the file misbehaves: the server goes on serving, and what goes wrong is said.
@Suite(.timeLimit(.minutes(1)))
struct EmulatorServerLogTests {
    static let reInit = ["DiskId": "d-bp1oksystem000001", "RegionId": "cn-hangzhou", "Password": "EcsV587!"]

    static let call = Emulator.Call(
        action: "ReInitDisk", parameters: ["DiskId": "d-1"], accessKeyId: "sandbox", requestId: "R-1",
        isMutating: true, httpStatus: 200, errorCode: nil)

    /// A full disk (`/dev/full` fails every write with ENOSPC) must not take the server down with it.
    @Test func aLogThatCannotBeWrittenDoesNotStopTheServer() async throws {
        let served = try ServedEmulator(logPath: "/dev/full")
        let client = served.client()

        let first = try await client.call("ReInitDisk", parameters: Self.reInit)
        #expect(first["RequestId"] != nil)
        #expect(served.diskStatus("d-bp1oksystem000001") == .reIniting)
        _ = try await client.call("DescribeRegions")
        #expect(served.log?.failedWrites == 1)
    }

    @Test func aLogThatCannotBeOpenedSaysWhy() throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let path = directory.path + "/no-such-directory/serve.log"
        let error = #expect(throws: MutationLogError.self) { try MutationLog(path: path) }
        #expect(error?.description == "cannot open \(path): No such file or directory")
    }

    /// Two servers (or a restarted one) appending to one log: every line is kept, none overwritten.
    @Test func twoLogsOnOneFileBothAppend() throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let path = directory.path + "/serve.log"
        let first = try MutationLog(path: path)
        let second = try MutationLog(path: path)
        var other = Self.call
        other.requestId = "R-2"

        first.record(Self.call)
        second.record(other)
        first.record(Self.call)

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.map { $0.contains(#""RequestId":"R-2""#) } == [false, true, false])
    }
}
