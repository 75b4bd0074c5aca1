import Foundation

/// The `--debug` trace: one line per HTTP attempt, with secrets masked.
///
/// A line reads `debug: DescribeDisks attempt 1: POST https://…/?…&Password=*** -> HTTP 200 in 12 ms`;
/// failures show the error instead of the status, and a retry says how long it waits.
public struct DebugLog: Sendable {
    /// Also print the request headers (masked) on each line.
    public var includeHeaders: Bool
    private let write: @Sendable (String) -> Void

    public init(includeHeaders: Bool = false, write: @escaping @Sendable (String) -> Void) {
        self.includeHeaders = includeHeaders
        self.write = write
    }

    /// A log that writes to standard error.
    public static func standardError(includeHeaders: Bool = false) -> DebugLog {
        DebugLog(includeHeaders: includeHeaders) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Records one attempt. `status` is the HTTP status when an answer came; `error` what went wrong
    /// (a service error, a transport error); `retryDelay` the wait before the next attempt, if any.
    public func record(
        action: String, attempt: Int, request: HTTPRequest, status: Int?, error: (any Error)?, elapsed: Duration,
        retryDelay: Duration? = nil
    ) {
        var line = "debug: \(action) attempt \(attempt): \(request.method) \(Redactor.redact(url: request.url))"
        if includeHeaders {
            let headers = Redactor.redact(headers: request.headers).sorted { $0.key.lowercased() < $1.key.lowercased() }
            line += " [" + headers.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
        }
        line += " ->"
        if let status { line += " HTTP \(status)" }
        if let error {
            // Errors are already free of secrets; the masking is a second line of defence for URLs in them.
            line += (status == nil ? " " : ", ") + Redactor.redact(url: oneLine("\(error)"))
        }
        line += " in \(elapsed.wholeMilliseconds) ms"
        if let retryDelay { line += "; retrying in \(retryDelay.wholeMilliseconds) ms" }
        write(line)
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
