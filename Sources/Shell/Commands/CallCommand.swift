import AliyunCore
import ECS

/// `call ACTION [Key=Value…]`: any ECS action, its JSON result printed as is.
///
/// Like the CLI and the SDKs, the session's region is added as `RegionId` when the action takes one and
/// the user gave none.
struct CallCommand: ShellCommand, Equatable {
    static let spec = CommandSpec(
        name: "call", synopsis: "call ACTION [Key=Value…]",
        summary: "call any ECS action and print its result (RegionId added when the action takes one)",
        discussion: """
            e.g. call DescribeDisks DiskIds='["d-bp1oksystem000001"]'
                 call DescribeInstanceStatus PageSize=50
            The result prints as the API returned it (pretty JSON at a terminal, one line otherwise).
            """,
        arguments: .actionNames)
    static let synopsis = spec.synopsis

    var action: String
    var parameters: [String: String]

    /// Parses the words after `call`.
    init(arguments: [String]) throws(UsageError) {
        guard let action = arguments.first else {
            throw UsageError("call needs an action, e.g. `call DescribeRegions` (usage: \(Self.synopsis))")
        }
        guard let first = action.first, first.isUppercase,
            action.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw UsageError("\"\(action)\" is not an action name (actions look like DescribeDisks)")
        }
        var parameters: [String: String] = [:]
        for argument in arguments.dropFirst() {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw UsageError("expected Key=Value, got \"\(argument)\" (usage: \(Self.synopsis))")
            }
            let key = String(argument[..<equals])
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }) else {
                throw UsageError("\"\(key)\" is not a parameter name (names look like DiskId or Tag.1.Key)")
            }
            guard parameters[key] == nil else {
                throw UsageError("parameter \(key) is given twice")
            }
            parameters[key] = String(argument[argument.index(after: equals)...])
        }
        self.action = action
        self.parameters = parameters
    }

    /// The parameters to send: the user's, plus `RegionId` when the action takes one and none was given.
    func parameters(region: String?) -> [String: String] {
        var sent = parameters
        if let region, sent["RegionId"] == nil, ECSAPI.takesRegionId(action) {
            sent["RegionId"] = region
        }
        return sent
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let result = try await session.client.rpc.call(action, parameters: parameters(region: session.region))
        switch session.current.output {
        case .json: context.print(result.serialized())
        default: context.print(result.serialized(pretty: true))
        }
    }
}
