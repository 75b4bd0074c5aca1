import AliyunCore
import Foundation
import Shell
import Synchronization
import TestSupport
import Testing

/// The shell against the emulator over the wire: `ecsh serve` runs as its own process on 127.0.0.1, and
/// ecsh (in this process over libcurl, or the built program) runs scripts against it with `--endpoint`
/// and the sandbox account's keys. The server's mutation log witnesses what the shell really sent.
///
/// The built program is needed (`swift build`, as `make test` does).
@Suite(.timeLimit(.minutes(1)))
struct ServeEndToEndTests {
    static let password = "Wire9!secret"
    static let disk = "d-bp1oksystem000001"

    /// `ecsh serve --port 0` on a copy of the sandbox world where re-initialising takes 2 seconds, with a
    /// mutation log.
    final class Server: Sendable {
        let directory: TemporaryHome
        let process: EcshProcess
        let port: UInt16
        let logPath: String
        private let observer: RPCClient

        init() async throws {
            directory = try TemporaryHome()
            let sandbox = try String(contentsOfFile: PackagePaths.sandboxWorld, encoding: .utf8)
            let quick = sandbox.replacingOccurrences(of: #""ReInitSeconds": 5"#, with: #""ReInitSeconds": 2"#)
            try #require(quick != sandbox, "the sandbox world's Timing is not as this test expects")
            let world = try directory.write(quick, to: "world.json")
            logPath = directory.path + "/serve.log"
            process = try EcshProcess(
                ["serve", "--port", "0", "--world", world, "--log", logPath], deadline: .seconds(60))
            port = try await process.listeningPort()
            observer = RPCClient(
                endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: Int(port)), version: "2014-05-26",
                credentials: StaticCredentialProvider(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret"),
                transport: CurlTransport(), retryPolicy: .none)
        }

        /// The command-line options that point ecsh at this server with the sandbox account's keys.
        var connection: [String] {
            [
                "--endpoint", "http://127.0.0.1:\(port)", "--access-key-id", "sandbox", "--access-key-secret",
                "sandbox-secret",
            ]
        }

        /// The disk's status as the server tells another client now.
        func diskStatus(_ diskId: String) async throws -> String? {
            let answer = try await observer.call(
                "DescribeDisks", parameters: ["RegionId": "cn-hangzhou", "DiskIds": #"["\#(diskId)"]"#])
            guard case .array(let disks)? = answer["Disks"]?["Disk"], case .string(let status)? = disks.first?["Status"]
            else { return nil }
            return status
        }

        /// The lines of the mutation log so far.
        func logEntries() throws -> [JSONValue] {
            let text = try String(contentsOfFile: logPath, encoding: .utf8)
            return try text.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        }

        /// Stops the server (SIGTERM), checks it ended cleanly, and removes its files.
        func stop() async {
            process.signal(SIGTERM)
            #expect(await process.exit() == EcshProcess.Exit(status: 0))
            directory.remove()
        }
    }

    @Test func aScriptReinitsADiskOverHTTPAndThePasswordStaysSecret() async throws {
        let server = try await Server()
        let home = try TemporaryHome()
        defer { home.remove() }
        let script = try home.write(
            """
            disks
            set password --from-env PW
            reinit \(Self.disk) --wait --timeout 60
            disk \(Self.disk)

            """, to: "reinit.ecsh")
        let captured = CapturedOutput()
        let transport = CurlTransport()
        let tool = CommandLineTool(
            environment: ["PW": Self.password], homeDirectory: home.path, output: captured.write,
            errorOutput: captured.writeError, transport: transport)

        // Another client watches the disk while the script runs.
        let watcher = Task {
            var seen: [String] = []
            while !Task.isCancelled {
                if let status = try? await server.diskStatus(Self.disk), seen.last != status { seen.append(status) }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return seen
        }
        let status = await tool.run(server.connection + ["--debug", "-f", script])
        watcher.cancel()
        let seen = await watcher.value
        transport.shutdown()

        #expect(status == 0, "\(captured.errors)")
        #expect(seen.contains("ReIniting"), "statuses seen: \(seen)")
        #expect(try await server.diskStatus(Self.disk) == "In_use")

        // Every line of the output is JSON: the disk list, the reinit's result, the disk at the end.
        let lines = captured.output.split(separator: "\n").map(String.init)
        let results = lines.compactMap { try? JSONValue.parse(Data($0.utf8)) }
        #expect(results.count == lines.count, "\(captured.output)")
        #expect(results.count == 3)
        guard results.count == 3 else { return }
        guard case .array(let disks)? = results[0]["Disks"] else {
            Issue.record("no disk list in \(results[0])")
            return
        }
        #expect(disks.contains { $0["DiskId"] == .string(Self.disk) })
        #expect(results[1]["DiskId"] == .string(Self.disk))
        #expect(results[1]["Status"] == .string("In_use"))
        #expect(results[2]["DiskId"] == .string(Self.disk))
        #expect(results[2]["Status"] == .string("In_use"))

        // The server was sent one ReInitDisk, with a password, and answered the RequestId the script printed.
        let reinits = try server.logEntries().filter { $0["Action"] == .string("ReInitDisk") }
        #expect(reinits.count == 1)
        #expect(reinits.first?["Parameters"]?["DiskId"] == .string(Self.disk))
        #expect(reinits.first?["Parameters"]?["Password"] == .string("***"))
        #expect(reinits.first?["Code"] == .string("Success"))
        #expect(reinits.first?["RequestId"] == results[1]["RequestId"])

        // The debug log is on, and shows the password's place only masked.
        #expect(captured.errors.contains("debug: ReInitDisk attempt 1: POST http://127.0.0.1:\(server.port)/"))
        #expect(captured.errors.contains("Password=***"))
        #expect(!captured.output.contains(Self.password))
        #expect(!captured.errors.contains(Self.password))
        #expect(!(try String(contentsOfFile: server.logPath, encoding: .utf8)).contains(Self.password))
        await server.stop()
    }

    @Test func aFailedPreflightExitsOneAtItsLineAndSendsNoReInitDisk() async throws {
        let server = try await Server()
        let script = try server.directory.write("disks\nreinit d-bp1errrunning0001\necho not-reached\n", to: "bad.ecsh")

        let result = try await EcshProcess.run(server.connection + ["-f", script])

        #expect(result.exit == EcshProcess.Exit(status: 1))
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(result.errors)")
        #expect(lines.first?.hasPrefix("\(script):2: error: d-bp1errrunning0001: ") == true, "\(result.errors)")
        #expect(lines.first?.contains("Running") == true)
        #expect(!result.output.contains("not-reached"))
        // Nothing mutating reached the server, and the disk is as it was.
        #expect(try server.logEntries().isEmpty)
        #expect(try await server.diskStatus("d-bp1errrunning0001") == "In_use")
        await server.stop()
    }

    @Test func signatureVersionOneWorksEndToEnd() async throws {
        let server = try await Server()
        let passwordFile = try server.directory.write(Self.password + "\n", to: "password")

        let result = try await EcshProcess.run(
            server.connection + [
                "--signature-version", "v1", "--debug", "-c",
                "disk \(Self.disk); set password --from-file \(passwordFile); reinit \(Self.disk)",
            ])

        #expect(result.exit == EcshProcess.Exit(status: 0), "\(result.errors)")
        let results = result.output.split(separator: "\n").map { try? JSONValue.parse(Data($0.utf8)) }
        #expect(results.count == 2)
        #expect(results.first??["Status"] == .string("In_use"))
        #expect(results.last??["Status"] == .string("ReIniting"))
        // Signed as version 1 (HMAC-SHA1 in the query), and the server accepted it.
        #expect(result.errors.contains("SignatureMethod=HMAC-SHA1"))
        #expect(result.errors.contains("Password=***"))
        #expect(!result.errors.contains(Self.password))
        #expect(!result.output.contains(Self.password))
        let reinits = try server.logEntries()
        #expect(reinits.count == 1)
        #expect(reinits.first?["Action"] == .string("ReInitDisk"))
        #expect(reinits.first?["Code"] == .string("Success"))
        #expect(reinits.first?["RequestId"] == results.last??["RequestId"])
        await server.stop()
    }

    @Test func aProxyInTheEnvironmentIsNotUsedForThisMachine() async throws {
        let server = try await Server()
        defer { Task { await server.stop() } }
        // Nothing listens on port 9: a request sent through this proxy would fail.
        let proxy = "http://127.0.0.1:9"
        let result = try await EcshProcess.run(
            server.connection + ["-c", "disk d-bp1oksystem000001"],
            environment: ["http_proxy": proxy, "HTTP_PROXY": proxy, "https_proxy": proxy, "ALL_PROXY": proxy])
        #expect(result.exit == EcshProcess.Exit(status: 0), "\(result.errors)")
        #expect(try JSONValue.parse(Data(result.output.utf8))["Status"] == .string("In_use"))
    }
}
