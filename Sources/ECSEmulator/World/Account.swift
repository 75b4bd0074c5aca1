/// An access key the emulator accepts (the world file's `Accounts[]`).
public struct Account: Sendable, Equatable, Codable {
    public var accessKeyId: String
    public var accessKeySecret: String
    /// When present, requests must carry this STS token (`SecurityToken` / `x-acs-security-token`).
    public var securityToken: String?
    /// Whether the account is on the shared-block-storage white list (`UserNotInTheWhiteList` otherwise).
    public var inWhiteList: Bool

    enum CodingKeys: String, CodingKey {
        case accessKeyId = "AccessKeyId"
        case accessKeySecret = "AccessKeySecret"
        case securityToken = "SecurityToken"
        case inWhiteList = "InWhiteList"
    }

    public init(accessKeyId: String, accessKeySecret: String, securityToken: String? = nil, inWhiteList: Bool = true) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.inWhiteList = inWhiteList
    }
}
