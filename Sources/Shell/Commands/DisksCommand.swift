import AliyunCore
import ECS

/// `disks [--instance ID] [--status S]`: the disks of the current region.
struct DisksCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "disks", synopsis: "disks [--instance ID] [--status STATUS]",
        summary: "list the disks of the current region",
        flags: [
            .value("--instance", .instanceIds, "only the disks attached to this instance"),
            .value("--status", .words(ECSAPI.diskStatuses), "only disks in this status"),
        ])

    let instanceId: String?
    let status: String?

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, spec: Self.spec)
        try parsed.expectPositionals(0...0, usage: Self.spec)
        instanceId = parsed.value("--instance")
        status = parsed.value("--status")
        if let status, !ECSAPI.diskStatuses.contains(status) {
            throw UsageError.unknown("disk status", status, candidates: ECSAPI.diskStatuses)
        }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let disks = try await session.client.describeDisks(
            region: session.region, instanceId: instanceId, status: status)
        context.emit(Self.result(disks))
    }

    static func result(_ disks: [Disk]) -> CommandResult {
        let rows = disks.map { disk in
            [
                disk.diskId, disk.type, disk.status, "\(disk.size) GiB", disk.category, disk.instanceId ?? "-",
                disk.device ?? "-", disk.diskName ?? "",
            ]
        }
        return CommandResult(
            json: .object(["Disks": .array(disks.map(\.raw))]),
            table: Table(
                columns: ["DiskId", "Type", "Status", "Size", "Category", "Instance", "Device", "Name"], rows: rows))
    }
}
