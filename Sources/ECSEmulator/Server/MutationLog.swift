public import AliyunCore
public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ecsh serve --log FILE`: one JSON line per mutating call — time, action, parameters with the password
/// redacted, RequestId and result code — so a test or a person can see what a client really did.
///
/// The file is opened for appending (`O_APPEND`): each line goes to the end of the file in one write, so
/// lines from concurrent requests, or from two servers sharing the file, never overwrite each other.
/// A line that cannot be written (a full disk) is counted in `failedWrites` and the server carries on:
/// the log is a witness, not a reason to stop answering.
public final class MutationLog: Sendable {
    private let descriptor: Int32
    private let clock: any Clock
    private let failures = Atomic<Int>(0)

    /// Opens (creating or appending to) `path`, readable by its owner only: it names resources and keys.
    public init(path: String, clock: any Clock = SystemClock()) throws(MutationLogError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw MutationLogError(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.clock = clock
    }

    deinit { close(descriptor) }

    /// How many lines could not be written (or only in part).
    public var failedWrites: Int { failures.load(ordering: .relaxed) }

    /// Writes `call` when it changed (or tried to change) the world; other calls are not logged.
    public func record(_ call: Emulator.Call) {
        guard call.isMutating else { return }
        let line = Array((Self.line(for: call, at: clock.now()) + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != line.count { failures.add(1, ordering: .relaxed) }
    }

    /// The JSON line for one call; `Password` and other secrets are replaced by `***`.
    public static func line(for call: Emulator.Call, at time: Date) -> String {
        let parameters = Redactor.redact(parameters: call.parameters)
        let entry: JSONValue = .object([
            "Time": .string(Timestamp.format(time)),
            "Action": .string(call.action),
            "AccessKeyId": .string(call.accessKeyId),
            "Parameters": .object(parameters.mapValues { .string($0) }),
            "RequestId": .string(call.requestId),
            "HttpStatus": .integer(call.httpStatus),
            "Code": .string(call.errorCode ?? "Success"),
        ])
        return entry.serialized()
    }
}
