import AliyunCore
import Foundation
import Testing

/// The shape of `--debug` lines, and that they never show a secret.
struct DebugLogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    static let request = HTTPRequest(
        method: "POST",
        url: "https://ecs.cn-hangzhou.aliyuncs.com/?DiskId=d-1&Password=EcsV587%21&Signature=c2lnbmF0dXJl",
        headers: [
            "Authorization": "ACS3-HMAC-SHA256 Credential=testid,Signature=deadbeef", "x-acs-action": "ReInitDisk",
        ])

    @Test
    func oneLinePerAttemptWithStatusAndTime() {
        let lines = Lines()
        let log = DebugLog(write: lines.append)
        log.record(
            action: "ReInitDisk", attempt: 1, request: Self.request, status: 200, error: nil, elapsed: .milliseconds(12)
        )
        #expect(
            lines.all == [
                "debug: ReInitDisk attempt 1: POST https://ecs.cn-hangzhou.aliyuncs.com/?DiskId=d-1&Password=***"
                    + "&Signature=*** -> HTTP 200 in 12 ms"
            ])
    }

    @Test
    func failuresAndRetriesAreShown() {
        let lines = Lines()
        let log = DebugLog(write: lines.append)
        let throttled = ServiceError(
            code: "Throttling", message: "Request was denied.", requestId: "R1", httpStatus: 400)
        log.record(
            action: "DescribeDisks", attempt: 2, request: Self.request, status: 400, error: throttled,
            elapsed: .microseconds(3500), retryDelay: .milliseconds(250))
        let failure = TransportError(kind: .connectFailed, host: "ecs.cn-hangzhou.aliyuncs.com", detail: "refused")
        log.record(
            action: "DescribeDisks", attempt: 3, request: Self.request, status: nil, error: failure,
            elapsed: .seconds(1))
        #expect(lines.all.count == 2)
        #expect(
            lines.all.first?.hasSuffix(
                "-> HTTP 400, Throttling: Request was denied. (HTTP 400, RequestId R1) in 3 ms; retrying in 250 ms")
                == true)
        #expect(
            lines.all.last?.hasSuffix("-> cannot connect to ecs.cn-hangzhou.aliyuncs.com: refused in 1000 ms") == true)
    }

    @Test
    func headersAreShownMaskedOnRequest() throws {
        let lines = Lines()
        let log = DebugLog(includeHeaders: true, write: lines.append)
        log.record(action: "ReInitDisk", attempt: 1, request: Self.request, status: 200, error: nil, elapsed: .zero)
        let line = try #require(lines.all.first)
        #expect(line.contains("[Authorization: ***, x-acs-action: ReInitDisk]"))
        #expect(!line.contains("deadbeef"))
        #expect(!line.contains("EcsV587"))
        #expect(!line.contains("c2lnbmF0dXJl"))
    }

    @Test
    func errorTextsAreKeptOnOneLine() {
        struct Multiline: Error, CustomStringConvertible { var description: String { "first\nsecond\r\nthird" } }
        let lines = Lines()
        DebugLog(write: lines.append).record(
            action: "A", attempt: 1, request: Self.request, status: nil, error: Multiline(), elapsed: .zero)
        #expect(lines.all.first?.contains("first second third") == true)
    }
}
