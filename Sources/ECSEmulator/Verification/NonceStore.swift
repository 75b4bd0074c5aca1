import Foundation

/// The signature nonces seen, per AccessKeyId, each kept as long as a replay could still pass the
/// timestamp check: until 15 minutes after the later of its arrival and its request's timestamp.
///
/// Memory is bounded: expired nonces are swept out at most once a minute (of the injected clock), so
/// the store holds no more than the nonces of the last half hour or so.
struct NonceStore: Sendable {
    /// How long a nonce is remembered, and how far a timestamp may be from the clock.
    static let window: TimeInterval = 15 * 60
    static let sweepInterval: TimeInterval = 60

    private var forgetAfter: [String: [String: Date]] = [:]
    private var nextSweep = Date.distantPast

    /// How many nonces are remembered.
    var count: Int { forgetAfter.values.reduce(0) { $0 + $1.count } }

    /// Records `nonce`; `false` when it was seen already (a replay).
    mutating func insert(_ nonce: String, accessKeyId: String, timestamp: Date, now: Date) -> Bool {
        sweepIfDue(now: now)
        if let until = forgetAfter[accessKeyId]?[nonce], now <= until {
            return false
        }
        forgetAfter[accessKeyId, default: [:]][nonce] = max(now, timestamp) + Self.window
        return true
    }

    private mutating func sweepIfDue(now: Date) {
        guard now >= nextSweep else { return }
        nextSweep = now + Self.sweepInterval
        for (accessKeyId, nonces) in forgetAfter {
            let kept = nonces.filter { now <= $0.value }
            forgetAfter[accessKeyId] = kept.isEmpty ? nil : kept
        }
    }
}
