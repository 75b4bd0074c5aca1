public import AliyunCore
public import Foundation

/// A clock that says what it is told; `advance` moves it.
public final class FixedClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    /// A clock at an ISO 8601 instant such as `2024-01-01T00:00:00Z`.
    public convenience init(iso8601: String) {
        self.init(ISO8601DateFormatter().date(from: iso8601)!)
    }

    public func now() -> Date { lock.withLock { current } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Nonces from a list, then numbered ones: reproducible signatures.
public final class SequenceNonceGenerator: NonceGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var counter = 0
    private let fixed: [String]

    public init(_ fixed: [String] = []) { self.fixed = fixed }

    public func next() -> String {
        lock.withLock {
            defer { counter += 1 }
            return counter < fixed.count ? fixed[counter] : "nonce-\(counter)"
        }
    }
}
