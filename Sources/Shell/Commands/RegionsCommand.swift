import AliyunCore
import ECS

/// `regions`: the regions ECS offers to this account.
struct RegionsCommand: ShellCommand {
    static let spec = CommandSpec(name: "regions", synopsis: "regions", summary: "list the regions")

    init(arguments: [String]) throws(UsageError) {
        guard arguments.isEmpty else { throw UsageError("regions takes no arguments") }
    }

    func run(in context: CommandContext) async throws {
        let regions = try await context.session.client.describeRegions()
        context.emit(
            CommandResult(
                json: .object(["Regions": .array(regions.map(\.raw))]),
                table: Table(columns: ["RegionId", "Name"], rows: regions.map { [$0.regionId, $0.localName] })))
    }
}
