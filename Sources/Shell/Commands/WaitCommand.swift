import AliyunCore
import ECS

/// `wait disk ID STATUS` / `wait instance ID STATUS`: polls until a disk or an instance has a status.
struct WaitCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "wait", synopsis: "wait disk ID STATUS | wait instance ID STATUS [--timeout SECONDS]",
        summary: "wait until a disk or an instance has a status",
        discussion: """
            Polls DescribeDisks or DescribeInstances; at a terminal a line shows the status and the time
            waited. Fails after --timeout seconds (default \(Pacing.defaultTimeout)), naming the last status seen.

            disk statuses:     \(ECSAPI.diskStatuses.joined(separator: ", "))
            instance statuses: \(ECSAPI.instanceStatuses.joined(separator: ", "))

            e.g. wait disk d-bp1oksystem000001 In_use
                 wait instance i-bp1running0000001 Stopped --timeout 120
            """,
        arguments: .words(["disk", "instance"]),
        flags: [timeoutFlag],
        subcommands: [
            CommandSpec(
                name: "disk", synopsis: "wait disk ID STATUS [--timeout SECONDS]",
                summary: "wait until a disk has a status", arguments: .diskIds, flags: [timeoutFlag]),
            CommandSpec(
                name: "instance", synopsis: "wait instance ID STATUS [--timeout SECONDS]",
                summary: "wait until an instance has a status", arguments: .instanceIds, flags: [timeoutFlag]),
        ])

    private static let timeoutFlag = FlagSpec.value(
        "--timeout", .text, "seconds to wait (default \(Pacing.defaultTimeout), 1 to \(Pacing.timeoutRange.upperBound))"
    )

    enum Resource: String, Sendable {
        case disk, instance

        var statuses: [String] { self == .disk ? ECSAPI.diskStatuses : ECSAPI.instanceStatuses }
    }

    let resource: Resource
    let id: String
    let status: String
    let timeout: Int

    init(arguments: [String]) throws(UsageError) {
        guard let word = arguments.first, let resource = Resource(rawValue: word) else {
            let given = arguments.first.map { " \"\($0)\"" } ?? ""
            throw UsageError(
                "wait: say disk or instance, not\(given.isEmpty ? " nothing" : given) (usage: \(Self.spec.synopsis))")
        }
        guard let spec = Self.spec.subcommand(named: word) else { throw UsageError("wait: \(word) is not known") }
        let parsed = try CommandArguments(Array(arguments.dropFirst()), spec: spec)
        try parsed.expectPositionals(2...2, usage: spec)
        self.resource = resource
        id = parsed.positionals[0]
        let status = parsed.positionals[1]
        let statuses = resource.statuses
        // Accepted in any case, as people type it; sent and compared as the API spells it.
        guard let canonical = statuses.first(where: { $0.lowercased() == status.lowercased() }) else {
            let unknown = UsageError.unknown("\(word) status", status, candidates: statuses)
            throw UsageError("wait: \(unknown.message); accepted: \(statuses.joined(separator: ", "))")
        }
        self.status = canonical
        timeout = try parsed.integer("--timeout", in: Pacing.timeoutRange, command: "wait") ?? Pacing.defaultTimeout
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let client = session.client
        let region = session.region
        let pacing = context.shell.pacing
        let start = pacing.clock.now()
        let progress = ProgressLine(diskIds: [id], console: context.console, pacing: pacing)
        defer { progress.end() }
        let waiter = StatusWaiter(pacing: pacing, timeout: timeout, region: region)
        let report: @Sendable (String, Int) -> Void = { [id] status, _ in progress.record(.status(status), for: id) }
        switch resource {
        case .disk: try await waiter.wait(forDisk: id, toBe: status, client: client, progress: report)
        case .instance: try await waiter.wait(forInstance: id, toBe: status, client: client, progress: report)
        }
        progress.end()
        let seconds = Int(pacing.elapsed(since: start))
        let key = resource == .disk ? "DiskId" : "InstanceId"
        context.emitRows(
            [.object([key: .string(id), "Status": .string(status), "WaitedSeconds": .integer(seconds)])],
            table: Table(columns: [key, "Status", "Waited"], rows: [[id, status, "\(seconds)s"]]))
    }
}
