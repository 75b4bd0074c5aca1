public import Foundation

/// An access key, possibly temporary (STS), as used to sign one request.
public struct Credential: Sendable, Equatable {
    public var accessKeyId: String
    public var accessKeySecret: String
    /// Present for STS credentials; sent as `SecurityToken` (v1) or `x-acs-security-token` (v3).
    public var securityToken: String?
    /// When temporary keys stop working; `nil` for long-lived keys.
    public var expiration: Date?

    public init(accessKeyId: String, accessKeySecret: String, securityToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.expiration = expiration
    }
}
