/// An error answered by the service: an HTTP 4xx/5xx with an error body.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var requestId: String?
    public var hostId: String?
    public var recommend: String?
    public var httpStatus: Int

    public init(
        code: String, message: String, requestId: String? = nil, hostId: String? = nil, recommend: String? = nil,
        httpStatus: Int
    ) {
        self.code = code
        self.message = message
        self.requestId = requestId
        self.hostId = hostId
        self.recommend = recommend
        self.httpStatus = httpStatus
    }

    public var description: String {
        var text = "\(code): \(message) (HTTP \(httpStatus)"
        if let requestId { text += ", RequestId \(requestId)" }
        return text + ")"
    }
}
