/// The facts every retry decision rests on, shared by the policies and the client.
///
/// A read can be repeated at will. Anything else (`ReInitDisk`, `StartInstance`, …) may only be repeated
/// when nothing reached the server: once a request may have been received, repeating it could act twice
/// (ECS has no `ClientToken` for `ReInitDisk`), so the official SDKs never retry it, and neither do we.
public enum RetryRules {
    /// Action name prefixes of read-only ECS-style APIs.
    public static let readOnlyPrefixes = ["Describe", "List", "Query"]

    /// Service codes that mean "try again later"; codes starting with `Throttling` match too
    /// (`Throttling.User`, `Throttling.Api`, …).
    public static let transientCodes: Set<String> = ["ServiceUnavailable", "InternalError"]

    /// HTTP statuses that mean the service (or a gateway before it) failed for now.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Whether `action` only reads, so that sending it twice does no harm.
    public static func isReadOnly(action: String) -> Bool {
        readOnlyPrefixes.contains { prefix in
            guard action.hasPrefix(prefix) else { return false }
            // `Describe` alone or `DescribeX`, not `Describer`: the next character starts a new word.
            guard let next = action.dropFirst(prefix.count).first else { return true }
            return next.isUppercase
        }
    }

    /// Whether `error` is a failure that may well go away on its own.
    public static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as ServiceError:
            error.code.hasPrefix("Throttling") || transientCodes.contains(error.code)
                || transientStatuses.contains(error.httpStatus)
        case let error as TransportError:
            switch error.kind {
            case .connectFailed, .timedOut, .connectionLost: true
            case .invalidRequest, .cancelled: false
            }
        case let error as RPCError:
            error.code == .unexpectedResponse && error.httpStatus.map(transientStatuses.contains) == true
        default:
            false
        }
    }

    /// Whether `error` proves that the server never saw the request. Only a failed connection does;
    /// any answer, timeout or broken connection leaves open that the action was carried out.
    public static func nothingWasSent(_ error: any Error) -> Bool {
        guard let error = error as? TransportError else { return false }
        return error.kind == .connectFailed && !error.requestMayHaveBeenSent
    }

    /// Whether repeating the failed attempt is safe and may help; the policies add limits and delays.
    public static func mayRetry(_ failure: FailedAttempt) -> Bool {
        guard isTransient(failure.error) else { return false }
        return isReadOnly(action: failure.action) || nothingWasSent(failure.error)
    }
}
