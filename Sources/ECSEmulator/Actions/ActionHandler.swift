public import AliyunCore
public import Foundation

/// One verified API call, as an action handler sees it.
public struct ActionRequest: Sendable {
    public var action: String
    /// The API parameters only: the common ones (signature, nonce, timestamp, format, …) are removed.
    public var parameters: [String: String]
    /// The account whose key signed the request.
    public var account: Account
    public var requestId: String
    public var now: Date

    public init(action: String, parameters: [String: String], account: Account, requestId: String, now: Date) {
        self.action = action
        self.parameters = parameters
        self.account = account
        self.requestId = requestId
        self.now = now
    }
}

/// The emulation of one ECS action. One handler per file, each documenting the API behaviour it reproduces.
public protocol ActionHandler: Sendable {
    /// The `Action` name it answers, e.g. `ReInitDisk`.
    var action: String { get }
    /// Whether it changes the world (such calls are logged by `ecsh serve`).
    var isMutating: Bool { get }
    /// The response body without `RequestId`, which the caller adds; or the API's error.
    func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue]
}
