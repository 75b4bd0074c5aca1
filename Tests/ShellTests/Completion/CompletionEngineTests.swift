import ECS
import Foundation
import TestSupport
import Testing

@testable import Shell

/// What Tab offers, over the sandbox world (region cn-hangzhou unless a case says otherwise).
struct CompletionEngineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var expected: [String]
        var testDescription: String { "\"\(line)\"" }
    }

    /// cn-hangzhou's disks: the one Available disk comes after all those In_use.
    static let hangzhouDisks = [
        "d-bp1errexpired0001", "d-bp1errimagedel001", "d-bp1errimagegone01", "d-bp1errlocaldisk01",
        "d-bp1errlocked00001", "d-bp1errmultiattach", "d-bp1errneverstart1", "d-bp1errnoioopt0001",
        "d-bp1errrunning0001", "d-bp1errsharedimg01", "d-bp1errsnapdel0001", "d-bp1errsnapgone001",
        "d-bp1errsnapold0001", "d-bp1errsnapshotng1", "d-bp1hostsystem0001", "d-bp1localsystem001",
        "d-bp1okcustomimage1", "d-bp1okdataempty001", "d-bp1okdatasnap0001", "d-bp1oksystem000001",
        "d-bp1okwindows00001", "d-bp1erravailable01",
    ]

    static let stoppedInstances = [
        "i-bp1datadisks00001", "i-bp1expired0000001", "i-bp1imagedeleted01", "i-bp1imagegone00001",
        "i-bp1localdisk00001", "i-bp1locked00000001", "i-bp1neverstarted01", "i-bp1noioopt0000001",
        "i-bp1sandboxweb0001", "i-bp1sandboxwin0001", "i-bp1selfimage00001", "i-bp1sharedimage001",
    ]

    static let cases: [Case] = [
        Case(line: "rei", expected: ["reinit"]),
        Case(line: "", expected: CommandTable.names.sorted()),
        Case(line: "help re", expected: CommandTable.names.filter { $0.hasPrefix("re") }.sorted()),
        Case(line: "echo hi; rei", expected: ["reinit"]),
        Case(line: "nosuchcommand ", expected: []),
        Case(line: "use ", expected: ["region", "profile", "endpoint", "sandbox"]),
        Case(line: "use region cn-", expected: ["cn-hangzhou", "cn-shanghai"]),
        Case(line: "use region ", expected: ["ap-southeast-1", "cn-hangzhou", "cn-shanghai"]),
        Case(line: "use endpoint ", expected: []),
        Case(line: "show ", expected: ["session"]),
        Case(line: "set output j", expected: ["json"]),
        Case(line: "set autostart ", expected: ["on", "off"]),
        Case(line: "set keypair ", expected: ["JoshuaCentOS", "deploy-key", "ecsh-demo"]),
        Case(line: "set myvar ", expected: []),
        Case(line: "set password --from", expected: ["--from-env", "--from-file"]),
        Case(line: "reinit d-", expected: hangzhouDisks),
        Case(line: "reinit d-bp1oksystem000001 d-", expected: hangzhouDisks.filter { $0 != "d-bp1oksystem000001" }),
        Case(line: "reinit d-bp1oks", expected: ["d-bp1oksystem000001"]),
        Case(
            line: "reinit --st",
            expected: ReinitCommand.spec.flags.map(\.name).filter { $0.hasPrefix("--st") }),
        Case(line: "reinit d-bp1errlocked00001 --keypair d", expected: ["deploy-key"]),
        Case(line: "disk d-bp1okw", expected: ["d-bp1okwindows00001"]),
        Case(line: "disk d-bp1okwindows00001 ", expected: []),
        Case(line: "disks ", expected: ["--instance", "--status"]),
        Case(line: "disks --status ", expected: ECSAPI.diskStatuses),
        Case(line: "disks --status In_use --", expected: ["--instance"]),
        Case(line: "disks --status=A", expected: ["--status=Available", "--status=Attaching"]),
        Case(line: "disks --instance i-bp1run", expected: ["i-bp1running0000001"]),
        Case(line: "stop i-", expected: ["i-bp1running0000001"] + stoppedInstances),
        Case(line: "start i-", expected: stoppedInstances + ["i-bp1running0000001"]),
        Case(line: "instance i-bp1sandboxw", expected: ["i-bp1sandboxweb0001", "i-bp1sandboxwin0001"]),
        Case(line: "wait ", expected: WaitCommand.spec.subcommands.map(\.name)),
        Case(line: "wait disk d-bp1oksystem0", expected: ["d-bp1oksystem000001"]),
        Case(line: "wait disk d-bp1oksystem000001 ", expected: ECSAPI.diskStatuses),
        Case(line: "wait instance i-bp1running0000001 St", expected: ["Starting", "Stopping", "Stopped"]),
        Case(line: "call DescribeD", expected: ["DescribeDisks"]),
        Case(line: "call DescribeDisks ", expected: []),
        Case(line: "# rei", expected: []),
    ]

    @Test(arguments: cases)
    func completes(_ example: Case) async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        let result = await harness.complete(example.line)
        #expect(result.candidates == example.expected)
        // The editor only appends: every candidate extends the word as typed.
        #expect(result.candidates.allSatisfy { $0.hasPrefix(result.word) })
    }

    @Test func theWordIsTheUnfinishedSuffixOfTheLine() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        #expect(
            await harness.complete("reinit d-bp1oks")
                == CompletionResult(word: "d-bp1oks", candidates: ["d-bp1oksystem000001"]))
        #expect(await harness.complete("use ").word == "")
    }

    @Test func theRegionDecidesTheIds() async throws {
        let harness = try CompletionHarness(region: "cn-shanghai")
        defer { harness.home.remove() }
        #expect(await harness.candidates("reinit ") == ["d-uf6oksystem000001", "d-uf6okdata00000001"].sorted())
        #expect(await harness.candidates("set keypair ") == ["shanghai-ops"])
    }

    @Test func variables() async throws {
        let harness = try CompletionHarness(
            variables: ["zone": "a"], environment: ["ECSH_PASSWORD": "x", "ECSH_OTHER": "y", "HOME": "/h"])
        defer { harness.home.remove() }
        #expect(await harness.candidates("set password --from-env ECSH_P") == ["ECSH_PASSWORD"])
        #expect(
            await harness.candidates("set password --from-env=E") == [
                "--from-env=ECSH_OTHER", "--from-env=ECSH_PASSWORD",
            ])
        // `unset` forgets a setting or a session variable, never an environment variable.
        #expect(await harness.candidates("unset ") == ["password", "keypair", "security-enhancement", "zone"])
    }

    @Test func profilesFromTheConfigFile() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        try harness.home.write(
            #"{"current": "prod", "profiles": [{"name": "prod", "mode": "AK", "access_key_id": "a", "#
                + #""access_key_secret": "b"}, {"name": "dev", "mode": "AK", "access_key_id": "c", "#
                + #""access_key_secret": "d"}]}"#,
            to: ".aliyun/config.json")
        #expect(await harness.candidates("use profile ") == ["dev", "prod"])
        #expect(await harness.candidates("use profile p") == ["prod"])
    }

    @Test func files() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        let home = harness.home
        try home.write("echo a", to: "scripts/alpha.ecsh")
        try home.write("echo b", to: "scripts/my file.ecsh")
        try home.write("", to: "scripts/.hidden")
        try home.write("", to: "scripts/beta/inner.ecsh")
        let dir = home.path + "/scripts/"
        #expect(
            await harness.candidates("source \(dir)") == [dir + "alpha.ecsh", dir + "beta/", dir + "my\\ file.ecsh"])
        #expect(await harness.candidates("source \(dir).") == [dir + ".hidden"])
        // A directory is not finished: no space after it, so the next Tab goes on into it.
        #expect(
            await harness.complete("source \(dir)b")
                == CompletionResult(word: dir + "b", candidates: [dir + "beta/"], appendSpace: false))
        #expect(await harness.complete("source \(dir)a").appendSpace)
        #expect(await harness.candidates("set password --from-file \(dir)al") == [dir + "alpha.ecsh"])
        // The rest of a name is quoted the way the word was begun, so the editor only has to append it.
        #expect(await harness.candidates("source '\(dir)my") == ["'\(dir)my file.ecsh'"])
        #expect(await harness.candidates("source \"\(dir)my") == ["\"\(dir)my file.ecsh\""])
        #expect(await harness.candidates("source \(dir)my\\ f") == [dir + "my\\ file.ecsh"])
        #expect(await harness.candidates("source '\(dir)be") == ["'\(dir)beta/"])
    }
}
