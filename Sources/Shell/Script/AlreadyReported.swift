/// A failure whose message has been printed already (a command of a `source`d file): it counts as a
/// failed command, and is not printed again.
struct AlreadyReported: Error, Sendable {}
