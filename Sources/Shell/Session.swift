import AliyunCore

/// What commands run over: the request core and the current region.
final class Session: Sendable {
    static let defaultRegion = "cn-hangzhou"
    static let commandNames = [CallCommand.name]

    let client: RPCClient
    let region: String
    let output: @Sendable (String) -> Void

    init(client: RPCClient, region: String, output: @escaping @Sendable (String) -> Void) {
        self.client = client
        self.region = region
        self.output = output
    }

    /// Runs one command, given as its words.
    func run(_ words: [String]) async throws {
        guard let name = words.first else { return }
        switch name {
        case CallCommand.name:
            let command = try CallCommand(arguments: Array(words.dropFirst()))
            let result = try await client.call(command.action, parameters: command.parameters(region: region))
            output(result.serialized(pretty: true) + "\n")
        default:
            throw UsageError.unknown("command", name, candidates: Self.commandNames)
        }
    }
}
