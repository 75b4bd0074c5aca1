public import Foundation

/// The source of "now" for signing and retries; injected so tests use a fixed date.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// The source of signature nonces; injected so signatures are reproducible in tests.
public protocol NonceGenerator: Sendable {
    func next() -> String
}

/// Random UUIDs, as the official SDKs send.
public struct RandomNonceGenerator: NonceGenerator {
    public init() {}
    public func next() -> String { UUID().uuidString.lowercased() }
}
