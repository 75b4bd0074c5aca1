import AliyunCore

/// What became of one disk of a `reinit`: a row of the result table and one JSON object.
struct ReinitOutcome: Sendable {
    var diskId: String
    var instanceId: String?
    /// `ReIniting` (accepted), `In_use` (accepted and waited for), `failed`, or `unknown` (no answer).
    var status: String
    var requestId: String?
    /// The error code when it failed, as ECS names it, or ecsh's own (`OutcomeUnknown`, `WaitTimedOut`).
    var code: String?
    var message: String?
    /// The error as it happened, for a command of one disk to throw as it is.
    var error: (any Error)?

    var failed: Bool { error != nil }

    static func accepted(_ target: ReinitTarget, requestId: String, status: String) -> ReinitOutcome {
        ReinitOutcome(diskId: target.diskId, instanceId: target.instanceId, status: status, requestId: requestId)
    }

    /// A failure: the call's (or the stop's, or the wait's) error, read for its code and message.
    static func failure(
        _ target: ReinitTarget, _ error: any Error, requestId: String? = nil, status: String = "failed"
    ) -> ReinitOutcome {
        var outcome = ReinitOutcome(
            diskId: target.diskId, instanceId: target.instanceId, status: status, requestId: requestId, error: error)
        switch error {
        case let error as ServiceError:
            outcome.code = error.code
            outcome.message = error.message
            outcome.requestId = error.requestId ?? requestId
        case let error as RPCError where error.code == .outcomeUnknown:
            outcome.status = "unknown"
            outcome.code = "OutcomeUnknown"
            outcome.message = "outcome unknown — check with `disk \(target.diskId)` before retrying"
        case let error as WaitError:
            outcome.code = "WaitFailed"
            outcome.message = error.description
        default:
            outcome.message = "\(error)"
        }
        return outcome
    }

    var row: [String] {
        let detail: String
        if let code {
            detail = "\(code): \(message ?? "")" + (requestId.map { " (RequestId \($0))" } ?? "")
        } else {
            detail = message ?? requestId ?? ""
        }
        return [diskId, instanceId ?? "-", status, detail]
    }

    static let columns = ["DiskId", "Instance", "Result", "RequestId/Error"]

    var json: JSONValue {
        var object: [String: JSONValue] = ["DiskId": .string(diskId), "Status": .string(status)]
        object["InstanceId"] = instanceId.map(JSONValue.string)
        object["RequestId"] = requestId.map(JSONValue.string)
        object["Code"] = code.map(JSONValue.string)
        object["Message"] = message.map(JSONValue.string)
        return .object(object)
    }
}
