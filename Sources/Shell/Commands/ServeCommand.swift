import AliyunCore
import ECSEmulator
import Foundation

/// `ecsh serve`: the ECS emulator as an HTTP server, until SIGINT or SIGTERM.
struct ServeCommand: Sendable, Equatable {
    static let usage = """
        usage: ecsh serve [--port N] [--host ADDRESS] [--world FILE] [--log FILE] [--faults SPEC] [--seed N]

          --port N        port to listen on; 0 (the default) picks a free one
          --host ADDRESS  address to listen on (default 127.0.0.1)
          --world FILE    world file (default: share/ecsh/sandbox.json)
          --log FILE      append one JSON line per mutating call, password redacted
          --faults SPEC   inject faults: throttle=P,error500=P,unavailable=P,drop-before=P,drop-after=P,latency=MS
          --seed N        seed for --faults, for reproducible runs (default 1)
        """

    var port: UInt16 = 0
    var host = "127.0.0.1"
    var worldPath: String?
    var logPath: String?
    var faults = FaultSpec()
    var seed: UInt64 = 1
    var showHelp = false

    private static let scanner = OptionScanner(
        kind: "serve option", valueOptions: ["--port", "--host", "--world", "--log", "--faults", "--seed"],
        flagOptions: ["--help", "-h"])

    /// Parses the words after `serve`.
    init(arguments: [String]) throws(UsageError) {
        var command = ServeCommand()
        try Self.scanner.scan(arguments) { name, value throws(UsageError) in
            if let value { try command.set(name, value) } else { command.showHelp = true }
        }
        self = command
    }

    private init() {}

    private mutating func set(_ name: String, _ value: String) throws(UsageError) {
        switch name {
        case "--port":
            guard let number = UInt16(value) else {
                throw UsageError("invalid --port \"\(value)\" (a number from 0 to 65535; 0 picks a free port)")
            }
            port = number
        case "--host":
            guard Self.isNumericAddress(value) else {
                throw UsageError(
                    "invalid --host \"\(value)\" (a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1)")
            }
            host = value
        case "--world": worldPath = value
        case "--log": logPath = value
        case "--faults":
            do { faults = try FaultSpec(parsing: value) } catch { throw UsageError(error.description) }
        default:
            guard let number = UInt64(value) else { throw UsageError("invalid --seed \"\(value)\" (a whole number)") }
            seed = number
        }
    }

    /// Whether `text` is an address the server can listen on as written: no names are looked up.
    private static func isNumericAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// Loads the world and starts the server; the caller owns its life.
    func makeServer() throws -> EmulatorServer {
        guard let path = worldPath ?? DefaultWorld.path() else {
            throw UsageError(
                "no world file: \(DefaultWorld.relativePath) was not found next to ecsh; pass --world FILE")
        }
        let world = try World.load(contentsOf: path)
        var log: MutationLog?
        if let logPath {
            do throws(MutationLogError) {
                log = try MutationLog(path: logPath)
            } catch {
                throw UsageError("cannot open --log \(logPath): \(error.reason)")
            }
        }
        return EmulatorServer(
            world: world, host: host, port: port,
            faults: faults.isEmpty ? nil : FaultInjector(spec: faults, seed: seed),
            log: log)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down cleanly.
    func run(output: @Sendable (String) -> Void) async throws {
        let server = try makeServer()
        // Signals are caught before the address is printed: whoever reads that line may signal at once.
        let (signals, sources) = await Self.catchTerminationSignals()
        defer { sources.forEach { $0.cancel() } }
        let port: UInt16
        do {
            port = try server.start()
        } catch {
            throw UsageError("\(error)")  // "cannot listen on 127.0.0.1 port 8080 (in use, or not allowed)"
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        output("listening on http://\(shownHost):\(port)\n")
        for await _ in signals { break }
        server.stop()
    }

    /// Catches SIGINT and SIGTERM from the moment it returns: the stream yields each one that arrives, and
    /// the process survives them.
    ///
    /// On Linux a dispatch signal source puts its own handler in place only once it is registered, later,
    /// on dispatch's manager thread; until then a signal takes its default action (or, if ignored, is
    /// lost). So this returns only after both sources are registered.
    private static func catchTerminationSignals() async -> (AsyncStream<Int32>, [any DispatchSourceSignal]) {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        let registered = DispatchGroup()
        let sources = [SIGINT, SIGTERM].map { number in
            #if canImport(Darwin)
                signal(number, SIG_IGN)  // Darwin's sources watch signals without handling them
            #endif
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        await withCheckedContinuation { done in registered.notify(queue: .global()) { done.resume() } }
        return (signals, sources)
    }
}
