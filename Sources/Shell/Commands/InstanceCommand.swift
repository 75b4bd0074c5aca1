import AliyunCore
import ECS

/// `instance ID`: one instance in detail, with its disks.
struct InstanceCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "instance", synopsis: "instance ID", summary: "show one instance in detail, with its disks",
        arguments: .instanceIds)

    let instanceId: String

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count == 1, let instanceId = arguments.first else {
            throw UsageError(
                "instance: expected one instance id (usage: \(Self.spec.synopsis); `instances` lists them)")
        }
        self.instanceId = instanceId
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let instance = try await Self.find(instanceId, in: session)
        let disks = try await session.client.describeDisks(region: session.region, instanceId: instanceId)
        var fields: [(String, String)] = [
            ("InstanceId", instance.instanceId), ("InstanceName", instance.instanceName ?? ""),
            ("Status", instance.status), ("OSType", instance.osType ?? "-"), ("ImageId", instance.imageId ?? "-"),
            ("ChargeType", instance.instanceChargeType ?? "-"), ("RegionId", instance.regionId),
            ("ZoneId", instance.zoneId),
        ]
        for disk in disks {
            fields.append(("Disk", "\(disk.diskId) \(disk.type) \(disk.status) \(disk.device ?? "")"))
        }
        var json = instance.raw
        if case .object(var object) = json {
            object["Disks"] = .array(disks.map(\.raw))
            json = .object(object)
        }
        context.emit(CommandResult(json: json, table: .record(fields), isRecord: true))
    }

    /// The instance with this id in the session's region, or an error saying where it was looked for.
    static func find(_ instanceId: String, in session: Session) async throws -> Instance {
        guard
            let instance = try await session.client.describeInstances(region: session.region, instanceIds: [instanceId])
                .first
        else {
            throw UsageError(
                "instance \(instanceId) was not found in region \(session.region) (`instances` lists this region's instances)"
            )
        }
        return instance
    }
}
