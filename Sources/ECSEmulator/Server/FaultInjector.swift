import Synchronization

/// Rolls the dice for each request of `ecsh serve`; with a seed, the same sequence of requests meets the
/// same sequence of faults.
public final class FaultInjector: Sendable {
    public let spec: FaultSpec
    private let generator: Mutex<SplitMix64>

    public init(spec: FaultSpec, seed: UInt64) {
        self.spec = spec
        self.generator = Mutex(SplitMix64(seed: seed))
    }

    /// The fault the next request meets, or `nil`.
    public func nextFault() -> FaultSpec.Fault? {
        guard spec.probabilities.values.contains(where: { $0 > 0 }) else { return nil }
        let roll = generator.withLock { $0.nextUnitInterval() }
        var threshold = 0.0
        for fault in FaultSpec.Fault.allCases {
            threshold += spec.probabilities[fault] ?? 0
            if roll < threshold { return fault }
        }
        return nil
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): reproducible across platforms,
/// which the system generator is not.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }
}
