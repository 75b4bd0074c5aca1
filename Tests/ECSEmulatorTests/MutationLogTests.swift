import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct MutationLogTests {
    let call = Emulator.Call(
        action: "ReInitDisk", parameters: ["DiskId": "d-1", "Password": "EcsV587!", "AutoStartInstance": "True"],
        accessKeyId: "sandbox", requestId: "R-1", isMutating: true, httpStatus: 403, errorCode: "IncorrectDiskStatus")

    @Test func oneJSONLinePerMutatingCallWithThePasswordRedacted() throws {
        let line = MutationLog.line(for: call, at: Date(timeIntervalSince1970: 1_704_067_200))
        #expect(!line.contains("EcsV587"))
        let entry = try JSONValue.parse(Data(line.utf8))
        #expect(entry["Time"] == .string("2024-01-01T00:00:00Z"))
        #expect(entry["Action"] == .string("ReInitDisk"))
        #expect(entry["Parameters"]?["Password"] == .string("***"))
        #expect(entry["Parameters"]?["DiskId"] == .string("d-1"))
        #expect(entry["RequestId"] == .string("R-1"))
        #expect(entry["Code"] == .string("IncorrectDiskStatus"))
        #expect(entry["HttpStatus"] == .integer(403))
    }

    @Test func writesOnlyMutatingCallsToAnOwnerOnlyFile() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = home.path + "/serve.log"
        let log = try MutationLog(path: path, clock: FixedClock(iso8601: "2024-01-01T00:00:00Z"))
        log.record(call)
        var read = call
        read.action = "DescribeDisks"
        read.isMutating = false
        log.record(read)
        var success = call
        success.errorCode = nil
        success.httpStatus = 200
        log.record(success)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains(#""Code":"Success""#) == true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
