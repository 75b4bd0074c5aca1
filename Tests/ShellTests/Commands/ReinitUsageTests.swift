import Testing

@testable import Shell

/// Command lines of reinit, stop, start and wait that are wrong as written: each error names what is
/// wrong and what is accepted.
struct ReinitUsageTests {
    @Test(arguments: [
        ("reinit", "reinit: name at least one disk"),
        ("reinit x-123", "\"x-123\" is not a disk id"),
        ("reinit d-bp1oksystem000001 --parallel 0", "reinit: --parallel must be a whole number from 1 to 16"),
        ("reinit d-bp1oksystem000001 --parallel 17", "--parallel must be a whole number from 1 to 16, not \"17\""),
        ("reinit d-bp1oksystem000001 --timeout soon", "--timeout must be a whole number from 1 to 86400"),
        ("reinit d-bp1oksystem000001 --autostart --no-autostart", "contradict"),
        ("reinit d-bp1oksystem000001 --security-enhancement on", "--security-enhancement must be active or deactive"),
        ("reinit d-bp1oksystem000001 --stop-first --no-preflight", "--stop-first needs the checks"),
        ("reinit d-bp1oksystem000001 --paralel 2", "did you mean --parallel?"),
        ("reinit d-bp1oksystem000001 --keypair", "--keypair needs a value"),
        ("stop", "stop: missing argument"),
        ("stop i-bp1running0000001 i-bp1sandboxweb0001", "unexpected argument"),
        ("stop i-bp1running0000001 --timeout 0", "--timeout must be a whole number from 1 to 86400"),
        ("start i-bp1sandboxweb0001 --force", "unknown start option --force"),
        ("wait", "wait: say disk or instance"),
        ("wait volume d-bp1oksystem000001 In_use", "say disk or instance, not \"volume\""),
        ("wait disk d-bp1oksystem000001", "missing argument"),
        ("wait disk d-bp1oksystem000001 In-use", "did you mean In_use?"),
        ("wait instance i-bp1running0000001 Broken", "accepted: Pending, Running, Starting, Stopping, Stopped"),
    ])
    func aWrongCommandLineSaysWhat(line: String, says: String) throws {
        let words = try Tokenizer().commands(in: line)[0]
        #expect {
            _ = try CommandTable.parse(words)
        } throws: { error in
            guard let usage = error as? UsageError else { return false }
            return usage.message.contains(says)
        }
    }

    @Test func helpDescribesEveryFlag() {
        for flag in ReinitCommand.spec.flags {
            #expect(!flag.help.isEmpty)
        }
        #expect(ReinitCommand.spec.flag(named: "--keypair")?.value == .keyPairNames)
        #expect(ReinitCommand.spec.arguments == .diskIds)
        #expect(StopCommand.spec.arguments == .instanceIds)
        #expect(ReinitCommand.spec.discussion.contains("reinit d-bp1oksystem000001 --wait"))
    }
}
