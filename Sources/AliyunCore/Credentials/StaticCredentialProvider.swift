/// Keys given directly, e.g. on the command line: they never change and never expire.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible {
    private let value: Credential

    public init(accessKeyId: String, accessKeySecret: String, securityToken: String? = nil) {
        value = Credential(accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, securityToken: securityToken)
    }

    public init(_ credential: Credential) {
        value = credential
    }

    public func credential() async throws -> Credential { value }

    /// Names the key id only: a provider may end up in a debug log.
    public var description: String { "StaticCredentialProvider(accessKeyId: \(value.accessKeyId))" }
}
