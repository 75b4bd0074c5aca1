/// What `--faults` asks `ecsh serve` to inject: a probability per fault, and a fixed extra latency.
///
/// Written `throttle=P,error500=P,unavailable=P,drop-before=P,drop-after=P,latency=MS`; any subset, in any order.
/// The probabilities are per request and exclusive (one roll picks at most one fault), so they add up to 1 at most.
public struct FaultSpec: Sendable, Equatable {
    /// The faults a request can meet.
    public enum Fault: String, Sendable, CaseIterable {
        /// `Throttling` (400) with an `x-acs-retry-after` header; the call is not applied.
        case throttle
        /// `InternalError` (500); the call is not applied.
        case error500
        /// `ServiceUnavailable` (503); the call is not applied.
        case unavailable
        /// The connection is closed without applying the call or answering.
        case dropBefore = "drop-before"
        /// The call is applied, then the connection is closed without an answer: the outcome is unknown.
        case dropAfter = "drop-after"
    }

    public var probabilities: [Fault: Double]
    /// Added to every request, in milliseconds.
    public var latencyMilliseconds: Int

    public init(probabilities: [Fault: Double] = [:], latencyMilliseconds: Int = 0) {
        self.probabilities = probabilities
        self.latencyMilliseconds = latencyMilliseconds
    }

    public var isEmpty: Bool { probabilities.values.allSatisfy { $0 == 0 } && latencyMilliseconds == 0 }

    /// Parses the `--faults` text; the error names the faulty part and what is accepted.
    public init(parsing text: String) throws(FaultSpecError) {
        self.init()
        let accepted = Fault.allCases.map(\.rawValue) + ["latency"]
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            guard parts.count == 2 else {
                throw FaultSpecError("\"\(item)\" needs a value, e.g. \(name)=0.1")
            }
            let value = String(parts[1]).trimmingCharacters(in: .whitespaces)
            if name == "latency" {
                guard let milliseconds = Int(value), (0...60_000).contains(milliseconds) else {
                    throw FaultSpecError("latency must be whole milliseconds from 0 to 60000, not \"\(value)\"")
                }
                latencyMilliseconds = milliseconds
                continue
            }
            guard let fault = Fault(rawValue: name) else {
                throw FaultSpecError(
                    "unknown fault \"\(name)\" (accepted: \(accepted.joined(separator: ", ")))")
            }
            guard let probability = Double(value), (0...1).contains(probability) else {
                throw FaultSpecError("\(name) must be a probability from 0 to 1, not \"\(value)\"")
            }
            probabilities[fault] = probability
        }
        let total = probabilities.values.reduce(0, +)
        guard total <= 1 + 1e-9 else {
            throw FaultSpecError("the probabilities add up to \(total); at most 1 is possible")
        }
    }
}

/// A `--faults` value that is not one.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid --faults: \(message)" }
}
