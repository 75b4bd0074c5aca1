/// An error the emulated ECS answers with: HTTP status, `Code` and `Message` exactly as the API's.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var httpStatus: Int
    /// Extra response headers, e.g. `x-acs-retry-after` on throttling.
    public var headers: [String: String]

    public init(code: String, message: String, httpStatus: Int, headers: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.headers = headers
    }

    public var description: String { "\(httpStatus) \(code): \(message)" }
}
