import Foundation

/// Turns one HTTP response into the call's result or the error to report, with secrets scrubbed.
///
/// 2xx with a JSON body is the result; anything else is a `ServiceError` when the body is one, and an
/// `RPCError.unexpectedResponse` naming the status and quoting the body when it is not.
struct ResponseDecoder {
    let action: String
    /// The endpoint's host (with port), for messages.
    let host: String
    /// Values that must not appear in an error message (a password the server may echo back).
    let secrets: [String]

    func decode(_ response: HTTPResponse, attempt: Int) -> Result<JSONValue, any Error> {
        if (200..<300).contains(response.status) {
            let first = ResponseBody.firstSignificantByte(of: response.body)
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
                let value = try? JSONValue.parse(response.body)
            {
                return .success(value)
            }
        } else if let error = ServiceError(httpStatus: response.status, body: response.body) {
            return .failure(scrubbed(error))
        }
        let reason = ResponseBody.unreadableReason(
            body: response.body, contentType: response.header("content-type"),
            success: (200..<300).contains(response.status))
        return .failure(
            RPCError.unexpectedResponse(
                action: action, host: host, httpStatus: response.status, attempts: attempt,
                reason: Redactor.scrub(reason, secrets: secrets)))
    }

    /// The server's `x-acs-retry-after` (milliseconds), when it sent a usable one.
    static func retryAfter(_ response: HTTPResponse) -> Duration? {
        guard let text = response.header("x-acs-retry-after")?.trimmingCharacters(in: .whitespaces),
            let milliseconds = Double(text), milliseconds.isFinite, milliseconds >= 0
        else { return nil }
        return .milliseconds(min(milliseconds, 86_400_000))
    }

    private func scrubbed(_ error: ServiceError) -> ServiceError {
        var error = error
        error.message = Redactor.scrub(error.message, secrets: secrets)
        error.recommend = error.recommend.map { Redactor.scrub($0, secrets: secrets) }
        return error
    }
}
