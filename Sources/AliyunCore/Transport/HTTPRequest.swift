public import Foundation

/// One HTTP request as it goes on the wire.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The full URL, query included, already percent-encoded.
    public var url: String
    /// Header names as sent; look-ups should be case-insensitive.
    public var headers: [String: String]
    public var body: Data
    /// Limit for the whole call, connecting included; `nil` leaves the transport's default.
    public var timeout: TimeInterval?

    public init(
        method: String, url: String, headers: [String: String] = [:], body: Data = Data(),
        timeout: TimeInterval? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
