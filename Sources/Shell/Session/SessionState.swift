import ECS

/// Everything the session remembers between commands. The password lives here and nowhere else.
struct SessionState: Sendable {
    var connection: Connection
    var password: Password?
    var keyPair: String?
    /// ReInitDisk's `AutoStartInstance` when a command does not say.
    var autostart = false
    /// ReInitDisk's `SecurityEnhancementStrategy` when a command does not say; nil leaves it to the API.
    var securityEnhancement: SecurityEnhancementStrategy?
    var output: OutputFormat
    var language: Language
    /// `set NAME VALUE`, read back as `${NAME}`.
    var variables: [String: String] = [:]
    var onError: OnErrorMode = .stop
    /// `--yes`: destructive commands do not ask.
    var assumeYes = false

    var region: String { connection.region }
}
