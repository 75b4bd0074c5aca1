import AliyunCore
import ECS

/// `instances [--status S]`: the instances of the current region.
struct InstancesCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "instances", synopsis: "instances [--status STATUS]", summary: "list the instances of the current region",
        flags: [.value("--status", .words(ECSAPI.instanceStatuses), "only instances in this status")])

    let status: String?

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, spec: Self.spec)
        try parsed.expectPositionals(0...0, usage: Self.spec)
        status = parsed.value("--status")
        if let status, !ECSAPI.instanceStatuses.contains(status) {
            throw UsageError.unknown("instance status", status, candidates: ECSAPI.instanceStatuses)
        }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let instances = try await session.client.describeInstances(region: session.region, status: status)
        let rows = instances.map { instance in
            [
                instance.instanceId, instance.status, instance.osType ?? "-", instance.zoneId,
                instance.instanceName ?? "",
            ]
        }
        context.emit(
            CommandResult(
                json: .object(["Instances": .array(instances.map(\.raw))]),
                table: Table(columns: ["InstanceId", "Status", "OS", "Zone", "Name"], rows: rows)))
    }
}
