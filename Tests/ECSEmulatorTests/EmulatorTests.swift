import AliyunCore
import ECSEmulator
import Foundation
import Synchronization
import TestSupport
import Testing

// MARK: - Fixtures shared by the emulator's tests

/// Keys and times the tests sign with.
enum GatewayFixture {
    static let accessKeyId = "testid"
    static let secret = "testsecret"
    static let credential = Credential(accessKeyId: accessKeyId, accessKeySecret: secret)
    static let stsCredential = Credential(
        accessKeyId: "STS.id", accessKeySecret: "sts-secret", securityToken: "tok/en+1")
    static let otherStsCredential = Credential(
        accessKeyId: "STS.other", accessKeySecret: "other-secret", securityToken: "other-token")
    static let accounts = [
        Account(accessKeyId: accessKeyId, accessKeySecret: secret),
        Account(accessKeyId: "STS.id", accessKeySecret: "sts-secret", securityToken: "tok/en+1"),
        Account(accessKeyId: "STS.other", accessKeySecret: "other-secret", securityToken: "other-token"),
    ]
    static let now = Timestamp.parse("2024-01-01T00:00:00Z")!
    static let host = "127.0.0.1:8080"

    static func emulator(
        clock: FixedClock = FixedClock(now), handlers: [any ActionHandler] = defaultHandlers,
        accounts: [Account] = accounts, observer: (@Sendable (Emulator.Call) -> Void)? = nil
    ) -> Emulator {
        Emulator(
            world: World(accounts: accounts), clock: clock, handlers: handlers,
            requestIds: SequenceNonceGenerator(["REQ-1", "REQ-2", "REQ-3"]), observer: observer)
    }

    static let defaultHandlers: [any ActionHandler] = [
        EchoHandler(action: "ReInitDisk"), EchoHandler(action: "DescribeRegions"), EchoHandler(action: "RunInstances"),
        CountingHandler(), FailingHandler(), ListHandler(),
    ]

    /// A v1 request as the SDKs send it: everything in the query of a full URL, or the API parameters
    /// in a form body when `formBody` is set.
    static func v1(
        method: String = "POST", action: String = "ReInitDisk", parameters: [String: String] = ["DiskId": "d-1"],
        format: String = "JSON", credential: Credential = credential, timestamp: Date = now, nonce: String = "nonce-1",
        formBody: Bool = false, edit: (inout [String: String]) -> Void = { _ in }
    ) -> HTTPRequest {
        var signed = SignerV1(credential: credential).sign(
            method: method, action: action, version: "2014-05-26", parameters: parameters, format: format,
            timestamp: timestamp, nonce: nonce)
        edit(&signed)
        guard formBody else {
            return HTTPRequest(method: method, url: "http://\(host)/?" + encode(signed), headers: ["Host": host])
        }
        let inBody = signed.filter { parameters.keys.contains($0.key) }
        let inQuery = signed.filter { !parameters.keys.contains($0.key) }
        return HTTPRequest(
            method: method, url: "http://\(host)/?" + encode(inQuery),
            headers: ["Host": host, "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"],
            body: Data(encode(inBody).utf8))
    }

    /// A v3 request signed by `SignerV3`: API parameters in the query, the rest in headers.
    static func v3(
        method: String = "POST", action: String = "ReInitDisk", query: [String: String] = ["DiskId": "d-1"],
        body: Data = Data(), headers: [String: String] = [:], credential: Credential = credential, date: Date = now,
        nonce: String = "nonce-1", edit: (inout [String: String]) -> Void = { _ in }
    ) -> HTTPRequest {
        var signed = SignerV3(credential: credential).sign(
            method: method, host: host, action: action, version: "2014-05-26", query: query, body: body,
            headers: headers, date: date, nonce: nonce)
        edit(&signed)
        let url = query.isEmpty ? "http://\(host)/" : "http://\(host)/?" + encode(query)
        return HTTPRequest(method: method, url: url, headers: signed, body: body)
    }

    static func encode(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }.map { percentEncode($0.key) + "=" + percentEncode($0.value) }
            .joined(separator: "&")
    }

    static func json(_ response: HTTPResponse) throws -> JSONValue {
        try JSONValue.parse(response.body)
    }

    /// The fields of an error body, JSON or XML (by its content type).
    static func errorFields(_ response: HTTPResponse) throws -> [String: String] {
        let names = ["RequestId", "HostId", "Code", "Message", "Recommend"]
        if response.header("Content-Type") == ResponseFormat.json.contentType {
            let body = try json(response)
            return names.reduce(into: [:]) { $0[$1] = body[$1]?.stringValue }
        }
        let text = String(decoding: response.body, as: UTF8.self)
        return names.reduce(into: [:]) { fields, name in
            guard let open = text.range(of: "<\(name)>"),
                let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
            else { return }
            fields[name] = String(text[open.upperBound..<close.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}

/// Answers with the parameters and the account it was given.
struct EchoHandler: ActionHandler {
    var action: String
    var isMutating: Bool { false }
    func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        [
            "Parameters": .object(request.parameters.mapValues(JSONValue.string)),
            "AccessKeyId": .string(request.account.accessKeyId),
            "Action": .string(request.action),
        ]
    }
}

/// Adds one account per call: a read-modify-write of the world, so lost updates would show.
struct CountingHandler: ActionHandler {
    var action: String { "Count" }
    var isMutating: Bool { true }
    func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let count = world.accounts.count
        world.accounts.append(Account(accessKeyId: "counted-\(count)", accessKeySecret: "x"))
        return ["Count": .integer(count)]
    }
}

/// Always fails, with a header, as a throttled call does.
struct FailingHandler: ActionHandler {
    static let error = APIError(
        code: "Throttling", message: "Request was denied due to request throttling.", httpStatus: 400,
        headers: ["x-acs-retry-after": "1500"])
    var action: String { "Fail" }
    var isMutating: Bool { true }
    func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        throw Self.error
    }
}

/// Answers with a wrapped list, as the Describe calls do.
struct ListHandler: ActionHandler {
    var action: String { "DescribeDisks" }
    var isMutating: Bool { false }
    func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        [
            "TotalCount": .integer(2),
            "Disks": .object([
                "Disk": .array([
                    .object(["DiskId": .string("d-1"), "Portable": .bool(true)]),
                    .object(["DiskId": .string("d-2"), "Portable": .bool(false)]),
                ])
            ]),
        ]
    }
}

/// Collects what the emulator reports.
final class CallLog: Sendable {
    private let calls = Mutex<[Emulator.Call]>([])
    var all: [Emulator.Call] { calls.withLock { $0 } }
    func record(_ call: Emulator.Call) { calls.withLock { $0.append(call) } }
}

// MARK: - Dispatch, world access, observer, concurrency

struct EmulatorTests {
    @Test func successAddsAnUpperCaseRequestIdAndPassesOnlyAPIParameters() throws {
        let emulator = Emulator(
            world: World(accounts: GatewayFixture.accounts), clock: FixedClock(GatewayFixture.now),
            handlers: GatewayFixture.defaultHandlers)
        let response = emulator.handle(
            GatewayFixture.v1(parameters: ["DiskId": "d-1", "RegionId": "cn-hangzhou", "SignatureType": ""]))
        #expect(response.status == 200)
        let body = try GatewayFixture.json(response)
        let requestId = try #require(body["RequestId"]?.stringValue)
        #expect(UUID(uuidString: requestId) != nil)
        #expect(requestId == requestId.uppercased())
        #expect(response.header("x-acs-request-id") == requestId)
        #expect(body["Parameters"] == .object(["DiskId": .string("d-1"), "RegionId": .string("cn-hangzhou")]))
        #expect(body["AccessKeyId"] == .string("testid"))
        #expect(body["Action"] == .string("ReInitDisk"))
    }

    @Test func injectedRequestIdsAreUsed() throws {
        let emulator = GatewayFixture.emulator()
        let first = try GatewayFixture.json(emulator.handle(GatewayFixture.v1(nonce: "a")))
        let second = try GatewayFixture.json(emulator.handle(GatewayFixture.v1(nonce: "a")))
        #expect(first["RequestId"] == .string("REQ-1"))
        #expect(second["RequestId"] == .string("REQ-2"))
        #expect(second["Code"] == .string("SignatureNonceUsed"))
    }

    @Test func handlerErrorsAreRenderedWithTheirStatusAndHeaders() throws {
        let response = GatewayFixture.emulator().handle(GatewayFixture.v1(action: "Fail"))
        #expect(response.status == 400)
        #expect(response.header("x-acs-retry-after") == "1500")
        let body = try GatewayFixture.json(response)
        #expect(body["Code"] == .string("Throttling"))
        #expect(body["Message"] == .string(FailingHandler.error.message))
    }

    @Test func theWorldCanBeReadAndChanged() {
        let emulator = GatewayFixture.emulator()
        #expect(emulator.world.accounts.count == 3)
        emulator.withWorld { _ = $0.accounts.removeLast() }
        #expect(emulator.world.accounts.count == 2)
        let response = emulator.handle(GatewayFixture.v1(credential: GatewayFixture.otherStsCredential))
        #expect(response.status == 404)
        #expect(emulator.handler(for: "Count")?.isMutating == true)
        #expect(emulator.handler(for: "ReInitDisk")?.isMutating == false)
        #expect(emulator.handler(for: "Nope") == nil)
    }

    @Test func theObserverHearsOfEveryCallThatReachedAHandler() throws {
        let log = CallLog()
        let emulator = GatewayFixture.emulator(observer: log.record)
        _ = emulator.handle(GatewayFixture.v1(action: "Count", parameters: ["Password": "EcsV587!"], nonce: "1"))
        _ = emulator.handle(GatewayFixture.v1(action: "Fail", nonce: "2"))
        _ = emulator.handle(GatewayFixture.v1(action: "ReInitDisk", nonce: "3"))
        _ = emulator.handle(GatewayFixture.v1(action: "Count", nonce: "3"))  // replayed nonce: never reaches a handler
        _ = emulator.handle(
            GatewayFixture.v1(action: "Count", credential: Credential(accessKeyId: "x", accessKeySecret: "y")))
        let calls = log.all
        #expect(calls.map(\.action) == ["Count", "Fail", "ReInitDisk"])
        #expect(calls.map(\.isMutating) == [true, true, false])
        #expect(calls.map(\.errorCode) == [nil, "Throttling", nil])
        #expect(calls.map(\.httpStatus) == [200, 400, 200])
        #expect(calls.map(\.requestId) == ["REQ-1", "REQ-2", "REQ-3"])
        #expect(calls[0].parameters == ["Password": "EcsV587!"])
        #expect(calls[0].accessKeyId == "testid")
    }

    @Test func concurrentCallsLoseNoUpdates() throws {
        let calls = 400
        let emulator = Emulator(
            world: World(accounts: GatewayFixture.accounts), clock: FixedClock(GatewayFixture.now),
            handlers: [CountingHandler()])
        let requests = (0..<calls).map { index in
            index.isMultiple(of: 2)
                ? GatewayFixture.v1(action: "Count", parameters: [:], nonce: "n-\(index)")
                : GatewayFixture.v3(action: "Count", query: [:], nonce: "n-\(index)")
        }
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: calls) { index in
            let status = emulator.handle(requests[index]).status
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: calls))
        let counted = emulator.world.accounts.filter { $0.accessKeyId.hasPrefix("counted-") }
        #expect(counted.count == calls)
        #expect(Set(counted.map(\.accessKeyId)).count == calls)
    }

    @Test func concurrentReplaysOfOneNonceSucceedExactlyOnce() {
        let emulator = Emulator(
            world: World(accounts: GatewayFixture.accounts), clock: FixedClock(GatewayFixture.now),
            handlers: [CountingHandler()])
        let request = GatewayFixture.v1(action: "Count", parameters: [:], nonce: "same")
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let status = emulator.handle(request).status
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 }.filter { $0 == 200 }.count == 1)
        #expect(emulator.world.accounts.count == GatewayFixture.accounts.count + 1)
    }
}
