import AliyunCore
import ECS

/// A target and region made concrete: the client calls go through, and how to describe it.
struct Connection: Sendable {
    var target: Target
    var region: String
    var client: ECSClient
    /// What the prompt calls the target: `sandbox`, a profile's name, or the endpoint's host.
    var name: String
    /// Where the credentials come from, for `show session`.
    var credentialSource: String
    var endpoint: Endpoint

    var isSandbox: Bool { target == .sandbox }
}
