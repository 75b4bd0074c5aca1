/// How long to wait for the answer to each action once connected (the connect timeout is the transport's).
///
/// The defaults follow the official SDKs: `ReInitDisk` 16 s, `StartInstance` 46 s, `StopInstance` 27 s,
/// 10 s for everything else. Slow actions get more time so that a slow success is not turned into an
/// "outcome unknown".
public struct ReadTimeouts: Sendable, Equatable {
    /// The timeout of actions not listed in `perAction`.
    public var fallback: Duration
    public var perAction: [String: Duration]

    public init(fallback: Duration = .seconds(10), perAction: [String: Duration] = [:]) {
        self.fallback = fallback
        self.perAction = perAction
    }

    public static let standard = ReadTimeouts(
        perAction: ["ReInitDisk": .seconds(16), "StartInstance": .seconds(46), "StopInstance": .seconds(27)])

    /// The timeout for `action`; setting it overrides the default for that action.
    public subscript(action: String) -> Duration {
        get { perAction[action] ?? fallback }
        set { perAction[action] = newValue }
    }
}
