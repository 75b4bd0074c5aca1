public import AliyunCore
public import Foundation

/// `ecsh serve --log FILE`: one JSON line per mutating call — time, action, parameters with the password
/// redacted, RequestId and result code — so a test or a person can see what a client really did.
public final class MutationLog: Sendable {
    private let handle: FileHandle
    private let clock: any Clock

    /// Opens (creating or appending to) `path`, readable by its owner only: it names resources and keys.
    public init(path: String, clock: any Clock = SystemClock()) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        self.clock = clock
    }

    /// Writes `call` when it changed (or tried to change) the world; other calls are not logged.
    public func record(_ call: Emulator.Call) {
        guard call.isMutating else { return }
        handle.write(Data((Self.line(for: call, at: clock.now()) + "\n").utf8))
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
