import ECSEmulator
import Testing

@testable import Shell

/// `ecsh serve`'s command line, word by word.
struct ServeCommandTests {
    /// The command with nothing given, changed by `edit`.
    static func command(_ edit: (inout ServeCommand) -> Void = { _ in }) -> ServeCommand {
        var command = try! ServeCommand(arguments: [])
        edit(&command)
        return command
    }

    @Test func defaults() throws {
        let command = try ServeCommand(arguments: [])
        #expect(command.port == 0)
        #expect(command.host == "127.0.0.1")
        #expect(command.worldPath == nil)
        #expect(command.logPath == nil)
        #expect(command.faults.isEmpty)
        #expect(command.seed == 1)
        #expect(!command.showHelp)
    }

    @Test(arguments: [
        (["--port", "8080"], command { $0.port = 8080 }),
        (["--port=8080"], command { $0.port = 8080 }),
        (["--port", "65535"], command { $0.port = 65535 }),
        (["--port", "1", "--port", "2"], command { $0.port = 2 }),
        (["--host", "::1"], command { $0.host = "::1" }),
        (["--host=0.0.0.0"], command { $0.host = "0.0.0.0" }),
        (
            ["--world", "w.json", "--log", "serve.log"],
            command {
                $0.worldPath = "w.json"; $0.logPath = "serve.log"
            }
        ),
        (["--log=a=b.log"], command { $0.logPath = "a=b.log" }),
        (
            ["--faults", "throttle=0.5,latency=10"],
            command { $0.faults = FaultSpec(probabilities: [.throttle: 0.5], latencyMilliseconds: 10) }
        ),
        (["--seed", "18446744073709551615"], command { $0.seed = .max }),
        (["--help"], command { $0.showHelp = true }),
        (["-h"], command { $0.showHelp = true }),
        (
            ["--port", "1", "--help"],
            command {
                $0.port = 1; $0.showHelp = true
            }
        ),
    ])
    func parses(_ arguments: [String], _ expected: ServeCommand) throws {
        #expect(try ServeCommand(arguments: arguments) == expected)
    }

    @Test(arguments: [
        (["--port", "x"], #"invalid --port "x" (a number from 0 to 65535; 0 picks a free port)"#),
        (["--port", "-1"], #"invalid --port "-1" (a number from 0 to 65535; 0 picks a free port)"#),
        (["--port", "65536"], #"invalid --port "65536" (a number from 0 to 65535; 0 picks a free port)"#),
        (["--port="], #"invalid --port "" (a number from 0 to 65535; 0 picks a free port)"#),
        (["--port"], "serve option --port needs a value"),
        (
            ["--host", "localhost"],
            #"invalid --host "localhost" (a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1)"#
        ),
        (["--host", "1.2.3"], #"invalid --host "1.2.3" (a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1)"#),
        (["--host", "[::1]"], #"invalid --host "[::1]" (a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1)"#),
        (
            ["--faults", "bogus=1"],
            #"invalid --faults: unknown fault "bogus" (accepted: throttle, error500, unavailable, drop-before, drop-after, latency)"#
        ),
        (
            ["--faults", "latency=fast"],
            #"invalid --faults: latency must be whole milliseconds from 0 to 60000, not "fast""#
        ),
        (["--seed", "x"], #"invalid --seed "x" (a whole number)"#),
        (["--seed", "-1"], #"invalid --seed "-1" (a whole number)"#),
        (["--prot", "1"], "unknown serve option --prot (did you mean --port?)"),
        (["--wrold=w.json"], "unknown serve option --wrold (did you mean --world?)"),
        (["8080"], "unknown serve option 8080"),
    ])
    func refuses(_ arguments: [String], _ message: String) {
        #expect(throws: UsageError(message)) { try ServeCommand(arguments: arguments) }
    }

    /// Every option the usage shows is one the parser takes.
    @Test func theUsageShowsEveryOption() throws {
        for option in ["--port", "--host", "--world", "--log", "--faults", "--seed"] {
            #expect(ServeCommand.usage.contains("\(option) "))
            #expect(throws: UsageError("serve option \(option) needs a value")) {
                try ServeCommand(arguments: [option])
            }
        }
    }
}
