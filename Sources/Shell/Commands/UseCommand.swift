import AliyunCore

/// `use region ID | profile NAME | endpoint URL | sandbox`: switches where calls go.
struct UseCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "use", synopsis: "use region ID | profile NAME | endpoint URL | sandbox",
        summary: "switch the region, the credentials profile, the endpoint, or to the sandbox",
        discussion: """
            use region ID        calls go to region ID (`regions` lists them)
            use profile NAME     credentials of profile NAME in ~/.aliyun/config.json; keeps a `use endpoint`
            use endpoint URL     calls go to URL (e.g. http://127.0.0.1:8080 for `ecsh serve`), same credentials
            use sandbox          the emulated ECS inside ecsh; its disks keep their state for the whole session
            """,
        subcommands: [
            CommandSpec(name: "region", synopsis: "use region ID", summary: "switch region", arguments: .regionIds),
            CommandSpec(
                name: "profile", synopsis: "use profile NAME", summary: "switch credentials profile",
                arguments: .profileNames),
            CommandSpec(name: "endpoint", synopsis: "use endpoint URL", summary: "switch endpoint", arguments: .text),
            CommandSpec(name: "sandbox", synopsis: "use sandbox", summary: "switch to the sandbox"),
        ])

    enum Choice: Sendable, Equatable {
        case region(String), profile(String), endpoint(Endpoint), sandbox
    }

    let choice: Choice

    init(arguments: [String]) throws(UsageError) {
        guard let what = arguments.first else {
            throw UsageError("use: say what to use (usage: \(Self.spec.synopsis))")
        }
        let rest = Array(arguments.dropFirst())
        func single(_ name: String) throws(UsageError) -> String {
            guard rest.count == 1 else {
                throw UsageError("use \(what): expected one \(name) (usage: use \(what) \(name))")
            }
            return rest[0]
        }
        switch what {
        case "region":
            let region = try single("ID")
            guard CommandLineOptions.isRegionId(region) else {
                throw UsageError(
                    "use region: \"\(region)\" is not a region id (they look like cn-hangzhou; `regions` lists them)")
            }
            choice = .region(region)
        case "profile":
            choice = .profile(try single("NAME"))
        case "endpoint":
            let text = try single("URL")
            do {
                choice = .endpoint(try Endpoint(parsing: text))
            } catch {
                throw UsageError("use endpoint: \(error)")
            }
        case "sandbox":
            guard rest.isEmpty else { throw UsageError("use sandbox takes no argument") }
            choice = .sandbox
        default:
            throw UsageError.unknown("use subcommand", what, candidates: Self.spec.subcommands.map(\.name))
        }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        let current = session.current.connection
        let connection: Connection
        switch choice {
        case .region(let region):
            connection = try session.connector.connect(current.target, region: region)
            try await Self.checkRegion(region, with: connection, context: context)
        case .sandbox:
            connection = try session.connector.connect(.sandbox, region: current.region)
        case .profile(let name):
            let known = session.connector.profileNames()
            guard known.contains(name) else {
                let list =
                    known.isEmpty
                    ? "there are none in ~/.aliyun/config.json" : "known: " + known.joined(separator: ", ")
                let suggestion = EditDistance.suggestion(for: name, among: known).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError("use profile: no profile \"\(name)\"\(suggestion); \(list)")
            }
            var endpoint: Endpoint?
            if case .remote(let chosen, _) = current.target { endpoint = chosen }
            connection = try session.connector.connect(
                .remote(endpoint: endpoint, profile: name), region: current.region)
        case .endpoint(let endpoint):
            var profile: String?
            if case .remote(_, let chosen) = current.target { profile = chosen }
            connection = try session.connector.connect(
                .remote(endpoint: endpoint, profile: profile), region: current.region)
        }
        session.update { $0.connection = connection }
        if session.console.isInteractive {
            context.print("now using \(connection.name) in \(connection.region) (\(connection.endpoint))")
        }
    }

    /// A region the account does not have is refused before anything is sent there; when the list cannot
    /// be fetched, the switch happens with a warning.
    private static func checkRegion(_ region: String, with connection: Connection, context: CommandContext) async throws
    {
        let known: [String]
        do {
            known = try await connection.client.describeRegions().map(\.regionId)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.warn("could not check region \(region) (\(error))")
            return
        }
        guard known.contains(region) else {
            let suggestion = EditDistance.suggestion(for: region, among: known).map { " (did you mean \($0)?)" } ?? ""
            throw UsageError(
                "use region: unknown region \"\(region)\"\(suggestion); known: \(known.joined(separator: ", "))")
        }
    }
}
