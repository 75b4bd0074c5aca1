import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// The real `ecsh serve` process, as a user or a test harness runs it: it says where it listens, serves,
/// logs, stops cleanly on SIGTERM or SIGINT, and refuses a bad command line with status 2 and a message.
///
/// The built program is needed (`swift build`, as `make test` does); without it these tests fail saying so.
@Suite(.timeLimit(.minutes(1)))
struct ServeProcessTests {
    static let reInit = ["DiskId": "d-bp1oksystem000001", "RegionId": "cn-hangzhou", "Password": "EcsV587!"]

    /// A client of the server on `port`, with the sandbox's keys.
    static func client(port: UInt16) -> RPCClient {
        RPCClient(
            endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: Int(port)), version: "2014-05-26",
            credentials: StaticCredentialProvider(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret"),
            transport: CurlTransport(), retryPolicy: .none)
    }

    /// A copy of the sandbox world in `directory`, where re-initialising takes an hour: long enough for a
    /// test to see `ReIniting` whatever the machine's speed.
    static func worldCopy(in directory: TemporaryHome) throws -> String {
        let sandbox = try String(contentsOfFile: PackagePaths.sandboxWorld, encoding: .utf8)
        let slow = sandbox.replacingOccurrences(of: #""ReInitSeconds": 5"#, with: #""ReInitSeconds": 3600"#)
        try #require(slow != sandbox, "the sandbox world's Timing is not as this test expects")
        return try directory.write(slow, to: "world.json")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesLogsAndStopsCleanlyOnASignal(_ signal: Int32) async throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let logPath = directory.path + "/serve.log"
        let serve = try EcshProcess([
            "serve", "--port", "0", "--world", Self.worldCopy(in: directory), "--log", logPath,
        ])
        let port = try await serve.listeningPort()

        let client = Self.client(port: port)
        let answer = try await client.call("ReInitDisk", parameters: Self.reInit)
        let disks = try await client.call(
            "DescribeDisks", parameters: ["RegionId": "cn-hangzhou", "DiskIds": #"["d-bp1oksystem000001"]"#])
        guard case .array(let listed)? = disks["Disks"]?["Disk"] else {
            Issue.record("no disk list in \(disks)")
            return
        }
        #expect(listed.map { $0["Status"] } == [.string("ReIniting")])
        // The client's connection is still open (kept alive) when the signal comes.
        serve.signal(signal)

        #expect(await serve.exit() == EcshProcess.Exit(status: 0))
        #expect(serve.standardOutput == "listening on http://127.0.0.1:\(port)\n")
        #expect(serve.standardError == "")
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(!log.contains("EcsV587"))
        let lines = log.split(separator: "\n").map { try? JSONValue.parse(Data($0.utf8)) }
        #expect(lines.count == 1)
        #expect(lines.first??["Action"] == .string("ReInitDisk"))
        #expect(lines.first??["RequestId"] == answer["RequestId"])
        #expect(lines.first??["Parameters"]?["Password"] == .string("***"))
    }

    /// A signal that comes as soon as the address is printed is not lost, nor does it kill the process.
    @Test func aSignalRightAfterTheAnnouncementStopsTheServerCleanly() async throws {
        for _ in 0..<5 {
            let serve = try EcshProcess(
                ["serve", "--port", "0", "--world", PackagePaths.sandboxWorld], deadline: .seconds(5))
            _ = try await serve.listeningPort()
            serve.signal(SIGTERM)
            let exit = await serve.exit()
            #expect(exit == EcshProcess.Exit(status: 0), "\(serve.killedByWatchdog ? "hung, then killed" : "")")
        }
    }

    @Test(arguments: [
        (["--port", "x"], #"invalid --port "x" (a number from 0 to 65535; 0 picks a free port)"#),
        (["--port", "65536"], #"invalid --port "65536""#),
        (["--faults", "bogus=1"], #"invalid --faults: unknown fault "bogus""#),
        (["--faults", "throttle=2"], #"invalid --faults: throttle must be a probability from 0 to 1, not "2""#),
        (["--seed", "-1"], #"invalid --seed "-1" (a whole number)"#),
        (["--seed"], "serve option --seed needs a value"),
        (["--prot", "80"], "unknown serve option --prot (did you mean --port?)"),
        (["--host", "localhost"], #"invalid --host "localhost" (a numeric IPv4 or IPv6 address"#),
        (["--world", "/nonexistent/world.json"], "/nonexistent/world.json: cannot read the world file"),
        (["--log", "/nonexistent/serve.log"], "cannot open --log /nonexistent/serve.log: No such file or directory"),
    ])
    func aBadCommandLineExitsTwoNamingTheProblem(_ arguments: [String], _ message: String) async throws {
        let result = try await EcshProcess.run(["serve"] + arguments)

        #expect(result.exit == EcshProcess.Exit(status: 2))
        #expect(result.output.isEmpty)
        // The problem on one line; at most a pointer to the help follows.
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count <= 2, "\(result.errors)")
        let first = lines.first ?? ""
        #expect(first.hasPrefix("ecsh: "))
        #expect(first.contains(message), "\(result.errors)")
    }

    @Test(arguments: [
        (
            #"{"Disks":[{"DiskId":"d-bad0001","RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","Type":"system","#
                + #""Category":"cloud_essd","Size":40,"Status":"Broken"}],"#
                + #""Regions":[{"RegionId":"cn-hangzhou","LocalName":"x","Zones":["cn-hangzhou-h"]}]}"#,
            #"Disks[0] (d-bad0001): Status "Broken" is not one of"#
        ),
        (
            #"{"Instances":[{"InstanceId":"i-bad0001","RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","#
                + #""Status":"Running","OSType":"linux"}],"#
                + #""Regions":[{"RegionId":"cn-hangzhou","LocalName":"x","Zones":["cn-hangzhou-h"]}]}"#,
            #"Instances[0] (i-bad0001): missing required field "InstanceChargeType""#
        ),
        (#"{"Disks":["#, "not valid JSON at line 1"),
    ])
    func aMalformedWorldExitsTwoNamingTheEntryAndField(_ world: String, _ message: String) async throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let path = try directory.write(world, to: "world.json")
        let result = try await EcshProcess.run(["serve", "--world", path])

        #expect(result.exit == EcshProcess.Exit(status: 2))
        #expect(result.errors.hasPrefix("ecsh: \(path): \(message)"), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1)
    }

    @Test func aPortInUseExitsTwoNamingIt() async throws {
        let holder = HTTPServer { _, _ in .dropConnection }
        let port = try holder.start()
        defer { holder.stop() }
        let result = try await EcshProcess.run(["serve", "--port", "\(port)"])

        #expect(result.exit == EcshProcess.Exit(status: 2))
        let first = result.errors.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "ecsh: cannot listen on 127.0.0.1 port \(port) (in use, or not allowed)")
    }

    @Test func helpPrintsTheUsageAndExitsZero() async throws {
        let result = try await EcshProcess.run(["serve", "--help"])

        #expect(result.exit == EcshProcess.Exit(status: 0))
        #expect(result.output.hasPrefix("usage: ecsh serve "))
        #expect(result.errors.isEmpty)
    }
}
