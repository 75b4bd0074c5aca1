import ECS
import Synchronization

/// What commands run over: the connection (target, region, client), the settings, the console. Shared
/// by the command loop and the completion engine, which reads it from the line editor's thread.
final class Session: Sendable {
    static let defaultRegion = "cn-hangzhou"

    let console: Console
    let connector: Connector
    /// Ids from the account for Tab completion.
    let resources: ResourceCache
    private let state: Mutex<SessionState>

    init(console: Console, connector: Connector, state: SessionState, resources: ResourceCache = ResourceCache()) {
        self.console = console
        self.connector = connector
        self.resources = resources
        self.state = Mutex(state)
    }

    /// A copy of the current state.
    var current: SessionState { state.withLock { $0 } }

    var client: ECSClient { current.connection.client }
    var region: String { current.region }

    /// Changes the state in one step: a change that throws leaves it as it was.
    func update<Result: Sendable>(
        _ change: (inout SessionState) throws -> Result
    ) rethrows -> Result {
        try state.withLock { state in
            var copy = state
            let result = try change(&copy)
            state = copy
            return result
        }
    }

    /// Looks up `${NAME}`: a session variable, else the environment.
    func variable(_ name: String) -> String? {
        current.variables[name] ?? connector.environment[name]
    }

    /// The prompt: `ecsh sandbox:cn-hangzhou> `.
    var prompt: String {
        let connection = current.connection
        return "ecsh \(connection.name):\(connection.region)> "
    }
}
