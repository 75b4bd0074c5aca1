import AliyunCore
import ECS

/// `keypairs`: the key pairs of the current region.
struct KeyPairsCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "keypairs", synopsis: "keypairs", summary: "list the SSH key pairs of the current region")

    init(arguments: [String]) throws(UsageError) {
        guard arguments.isEmpty else { throw UsageError("keypairs takes no arguments") }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let keyPairs = try await session.client.describeKeyPairs(region: session.region)
        context.emit(
            CommandResult(
                json: .object(["KeyPairs": .array(keyPairs.map(\.raw))]),
                table: Table(
                    columns: ["KeyPairName", "FingerPrint"],
                    rows: keyPairs.map { [$0.keyPairName, $0.keyPairFingerPrint ?? ""] })))
    }
}
