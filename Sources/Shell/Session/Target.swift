import AliyunCore

/// Where the session's calls go: the in-process sandbox, or an ECS endpoint with real credentials.
enum Target: Sendable, Equatable {
    case sandbox
    /// `endpoint` nil means the ECS endpoint of the region; `profile` nil means the credential chain
    /// (flags, environment, the config file's current profile).
    case remote(endpoint: Endpoint?, profile: String?)
}
