import AliyunCore
import ECS

/// `reinit DISK…`: ReInitDisk, made careful: checks first, asks at a terminal, one call per disk.
struct ReinitCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "reinit",
        synopsis: "reinit DISK… [--autostart|--no-autostart] [--keypair NAME] [--no-password] "
            + "[--security-enhancement active|deactive] [--stop-first] [--wait] [--timeout SECONDS] [--dry-run] "
            + "[--yes] [--parallel N] [--no-preflight]",
        summary: "re-initialise disks to their initial state (ReInitDisk): all data on them is lost",
        discussion: """
            A system disk goes back to its image, a data disk to empty or to the snapshot it was made
            from. The disk must be In_use and its instance Stopped (and started at least once).

            First the disks and their instances are described and every condition Describe shows is
            checked; a disk that fails one is named with what to do, and nothing is re-initialised.
            At a terminal one question lists what is lost; scripts and --yes do not ask.

            The session's password (`set password`), key pair (`set keypair`, Linux), autostart and
            security enhancement settings apply unless a flag says otherwise; they reach system disks
            only. With neither password nor key pair the instance keeps its current login.

            Each disk gets exactly one ReInitDisk call, never retried: when the answer is lost the row
            says so; look with `disk ID` before trying again. If any disk fails, the command fails.

            e.g. reinit d-bp1oksystem000001 --wait
                 reinit d-bp1errrunning0001 --stop-first --autostart --wait
                 reinit d-bp1okdataempty001 d-bp1okdatasnap0001 --parallel 2 --yes
                 reinit d-bp1okwindows00001 --dry-run
            """,
        arguments: .diskIds,
        flags: [
            .option("--autostart", "start the instance afterwards (AutoStartInstance=true)"),
            .option("--no-autostart", "leave the instance stopped, whatever `set autostart` says"),
            .value("--keypair", .keyPairNames, "key pair to put on a Linux system disk (KeyPairName)"),
            .option("--no-password", "do not send the session's password"),
            .value(
                "--security-enhancement", .words(["active", "deactive"]),
                "install (active, public images only) or remove (deactive) the security agents"),
            .option("--stop-first", "stop a Running instance and wait until it is Stopped"),
            .option("--wait", "wait until each disk is In_use again (and an autostarted instance Running)"),
            .value(
                "--timeout", .text,
                "seconds to wait for each status (default \(Pacing.defaultTimeout), 1 to \(Pacing.timeoutRange.upperBound))"
            ),
            .option("--dry-run", "check everything and print the requests; send nothing that changes a disk"),
            .option("--yes", "do not ask for confirmation"),
            .value("--parallel", .text, "how many instances to work on at once (default 4, 1 to 16)"),
            .option("--no-preflight", "skip the checks and let the API answer (no --stop-first then)"),
        ])

    static let defaultParallel = 4
    static let parallelRange = 1...16

    let diskIds: [String]
    let autostart: Bool?
    let keyPairName: String?
    let noPassword: Bool
    let securityEnhancement: SecurityEnhancementStrategy?
    let stopFirst: Bool
    let wait: Bool
    let timeout: Int
    let dryRun: Bool
    let yes: Bool
    let parallel: Int
    let preflight: Bool

    init(arguments: [String]) throws(UsageError) {
        let spec = Self.spec
        let parsed = try CommandArguments(arguments, spec: spec)
        guard !parsed.positionals.isEmpty else {
            throw UsageError("reinit: name at least one disk (usage: reinit DISK… [flags]; `disks` lists them)")
        }
        var seen: Set<String> = []
        for diskId in parsed.positionals {
            guard ReInitDiskRequest.isWellFormedDiskId(diskId) else {
                throw UsageError(
                    "reinit: \(ReInitDiskRequest.ValidationError.malformedDiskId(diskId).description(language: .en))")
            }
            guard seen.insert(diskId).inserted else {
                throw UsageError("reinit: disk \(diskId) is named twice; each disk is re-initialised once")
            }
        }
        diskIds = parsed.positionals
        if parsed.has("--autostart"), parsed.has("--no-autostart") {
            throw UsageError("reinit: --autostart and --no-autostart contradict each other; give one")
        }
        autostart = parsed.has("--autostart") ? true : parsed.has("--no-autostart") ? false : nil
        keyPairName = parsed.value("--keypair")
        if keyPairName?.isEmpty == true {
            throw UsageError("reinit: --keypair needs a key pair name (`keypairs` lists them)")
        }
        noPassword = parsed.has("--no-password")
        if let name = parsed.value("--security-enhancement") {
            guard let strategy = SecurityEnhancementStrategy(name: name) else {
                throw UsageError("reinit: --security-enhancement must be active or deactive, not \"\(name)\"")
            }
            securityEnhancement = strategy
        } else {
            securityEnhancement = nil
        }
        stopFirst = parsed.has("--stop-first")
        wait = parsed.has("--wait")
        timeout = try parsed.integer("--timeout", in: Pacing.timeoutRange, command: "reinit") ?? Pacing.defaultTimeout
        dryRun = parsed.has("--dry-run")
        yes = parsed.has("--yes")
        parallel = try parsed.integer("--parallel", in: Self.parallelRange, command: "reinit") ?? Self.defaultParallel
        preflight = !parsed.has("--no-preflight")
        if !preflight, stopFirst {
            throw UsageError(
                "reinit: --stop-first needs the checks to see the instance; drop --no-preflight, "
                    + "or stop it yourself with `stop INSTANCE --wait`")
        }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let state = session.current
        let settings = ReinitSettings(
            password: noPassword ? nil : state.password, keyPairName: keyPairName ?? state.keyPair,
            keyPairIsExplicit: keyPairName != nil, autostart: autostart ?? state.autostart,
            securityEnhancement: securityEnhancement ?? state.securityEnhancement)
        let targets = try await plan(settings, in: context)

        if dryRun {
            Self.emitDryRun(targets, in: context)
            return
        }
        let console = context.console
        if console.isInteractive, !yes, !state.assumeYes, let prompter = console.prompter {
            guard await prompter.confirm(Confirmation.question(for: targets)) else {
                context.print("cancelled, nothing was changed")
                return
            }
        }
        try Task.checkCancellation()
        let progress = ProgressLine(diskIds: targets.map(\.diskId), console: console, pacing: context.shell.pacing)
        let executor = ReinitExecutor(
            client: session.client, region: session.region, pacing: context.shell.pacing, wait: wait,
            timeout: timeout, parallel: parallel, progress: progress)
        let outcomes = await executor.run(targets)
        progress.end()
        try report(outcomes, in: context)
    }

    /// The targets, checked (preflight) or as given (`--no-preflight`, validated by the client alone).
    private func plan(_ settings: ReinitSettings, in context: CommandContext) async throws -> [ReinitTarget] {
        let session = context.session
        guard preflight else {
            return try diskIds.map { diskId in
                let request = settings.request(diskId: diskId, type: nil, windows: nil)
                do throws(ReInitDiskRequest.ValidationError) {
                    try request.validate()
                } catch {
                    throw UsageError("reinit: \(diskId): \(error.description(language: session.current.language))")
                }
                return ReinitTarget(diskId: diskId, request: request)
            }
        }
        let checks = Preflight(region: session.region, settings: settings, stopFirst: stopFirst)
        return try await checks.run(diskIds: diskIds, client: session.client)
    }

    /// Prints one row per disk; throws when any failed: the error itself for one disk, a summary for several.
    private func report(_ outcomes: [ReinitOutcome], in context: CommandContext) throws {
        let failed = outcomes.filter(\.failed)
        // One disk whose call failed: its error says it all (code, RequestId, hint), no row needed.
        if outcomes.count == 1, let only = failed.first, let error = only.error, !(error is WaitError) {
            throw error
        }
        context.emitRows(
            outcomes.map(\.json), table: Table(columns: ReinitOutcome.columns, rows: outcomes.map(\.row)))
        if Task.isCancelled { throw CancellationError() }
        if outcomes.count == 1, let error = failed.first?.error { throw error }
        if !failed.isEmpty {
            throw ReinitFailure(failedDiskIds: failed.map(\.diskId), diskCount: outcomes.count)
        }
    }

    /// The calls a dry run would make, in order: a StopInstance before the first disk of an instance that
    /// `--stop-first` stops, then each ReInitDisk, its password masked.
    static func dryRunCalls(_ targets: [ReinitTarget]) -> [(
        diskId: String, action: String, parameters: [String: String]
    )] {
        var calls: [(diskId: String, action: String, parameters: [String: String])] = []
        var stopped: Set<String> = []
        for target in targets {
            if target.needsStop, let instanceId = target.instanceId, target.instance?.status == "Running",
                stopped.insert(instanceId).inserted
            {
                calls.append((target.diskId, "StopInstance", ["InstanceId": instanceId, "ForceStop": "false"]))
            }
            calls.append((target.diskId, "ReInitDisk", target.request.redactedParameters))
        }
        return calls
    }

    private static func emitDryRun(_ targets: [ReinitTarget], in context: CommandContext) {
        let calls = dryRunCalls(targets)
        let objects = calls.map { call in
            JSONValue.object([
                "DiskId": .string(call.diskId), "Action": .string(call.action),
                "Parameters": .object(call.parameters.mapValues(JSONValue.string)), "DryRun": .bool(true),
            ])
        }
        let rows = calls.map { call in
            let parameters = call.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return [call.diskId, call.action, parameters.joined(separator: " ")]
        }
        context.emitRows(objects, table: Table(columns: ["DiskId", "Would send", "Parameters"], rows: rows))
    }
}
