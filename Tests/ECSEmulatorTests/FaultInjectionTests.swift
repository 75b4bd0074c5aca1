import ECSEmulator
import Testing

struct FaultInjectionTests {
    @Test func parsesEveryFaultAndLatency() throws {
        let spec = try FaultSpec(
            parsing: "throttle=0.1,error500=0.05, unavailable=0.05,drop-before=0.02,drop-after=0.03,latency=25")
        #expect(spec.probabilities[.throttle] == 0.1)
        #expect(spec.probabilities[.error500] == 0.05)
        #expect(spec.probabilities[.unavailable] == 0.05)
        #expect(spec.probabilities[.dropBefore] == 0.02)
        #expect(spec.probabilities[.dropAfter] == 0.03)
        #expect(spec.latencyMilliseconds == 25)
        #expect(!spec.isEmpty)
        #expect(try FaultSpec(parsing: "").isEmpty)
    }

    @Test(arguments: [
        (
            "slow=0.1",
            "unknown fault \"slow\" (accepted: throttle, error500, unavailable, drop-before, drop-after, latency)"
        ),
        ("throttle", "\"throttle\" needs a value, e.g. throttle=0.1"),
        ("throttle=1.5", "throttle must be a probability from 0 to 1, not \"1.5\""),
        ("throttle=x", "throttle must be a probability from 0 to 1, not \"x\""),
        ("latency=-1", "latency must be whole milliseconds from 0 to 60000, not \"-1\""),
        ("throttle=0.6,error500=0.6", "the probabilities add up to 1.2; at most 1 is possible"),
    ])
    func rejectsWhatIsNotASpec(_ text: String, _ message: String) {
        #expect(throws: FaultSpecError(message)) { try FaultSpec(parsing: text) }
    }

    @Test func theSameSeedGivesTheSameFaults() throws {
        let spec = try FaultSpec(parsing: "throttle=0.2,drop-after=0.2")
        let first = FaultInjector(spec: spec, seed: 42)
        let second = FaultInjector(spec: spec, seed: 42)
        let other = FaultInjector(spec: spec, seed: 43)
        let a = (0..<200).map { _ in first.nextFault() }
        let b = (0..<200).map { _ in second.nextFault() }
        let c = (0..<200).map { _ in other.nextFault() }
        #expect(a == b)
        #expect(a != c)
    }

    @Test func faultsAppearAtAboutTheirProbability() throws {
        let injector = FaultInjector(spec: try FaultSpec(parsing: "throttle=0.3,unavailable=0.1"), seed: 7)
        var counts: [FaultSpec.Fault?: Int] = [:]
        for _ in 0..<10_000 { counts[injector.nextFault(), default: 0] += 1 }
        #expect((2_700...3_300).contains(counts[.throttle] ?? 0))
        #expect((800...1_200).contains(counts[.unavailable] ?? 0))
        #expect(counts[.dropAfter] == nil)
        #expect((5_600...6_400).contains(counts[nil] ?? 0))
    }

    @Test func noProbabilitiesMeansNoFaults() {
        let injector = FaultInjector(spec: FaultSpec(latencyMilliseconds: 5), seed: 1)
        #expect((0..<100).allSatisfy { _ in injector.nextFault() == nil })
    }
}
