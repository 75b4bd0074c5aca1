import AliyunCore
import ECS

/// `disk ID`: one disk in detail.
struct DiskCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "disk", synopsis: "disk ID", summary: "show one disk in detail", arguments: .diskIds)

    let diskId: String

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count == 1, let diskId = arguments.first else {
            throw UsageError("disk: expected one disk id (usage: \(Self.spec.synopsis); `disks` lists them)")
        }
        self.diskId = diskId
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let disk = try await Self.find(diskId, in: session)
        let fields: [(String, String)] = [
            ("DiskId", disk.diskId), ("DiskName", disk.diskName ?? ""), ("Type", disk.type), ("Status", disk.status),
            ("Size", "\(disk.size) GiB"), ("Category", disk.category), ("InstanceId", disk.instanceId ?? "-"),
            ("Device", disk.device ?? "-"), ("ImageId", disk.imageId ?? "-"),
            ("SourceSnapshotId", disk.sourceSnapshotId ?? "-"), ("RegionId", disk.regionId), ("ZoneId", disk.zoneId),
        ]
        context.emit(CommandResult(json: disk.raw, table: .record(fields), isRecord: true))
    }

    /// The disk with this id in the session's region, or an error saying where it was looked for.
    static func find(_ diskId: String, in session: Session) async throws -> Disk {
        guard let disk = try await session.client.describeDisks(region: session.region, diskIds: [diskId]).first else {
            throw UsageError(
                "disk \(diskId) was not found in region \(session.region) (`disks` lists this region's disks; `use region ID` switches)"
            )
        }
        return disk
    }
}
