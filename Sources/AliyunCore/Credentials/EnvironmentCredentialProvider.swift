/// Keys from the `ALIBABA_CLOUD_*` environment variables, the convention of the official SDKs and CLI.
///
/// The environment is passed in (the caller hands over `ProcessInfo.processInfo.environment`) so that
/// tests and the shell's `use profile` never depend on the process environment. Empty values count as unset,
/// since `export ALIBABA_CLOUD_SECURITY_TOKEN=` is the usual way of clearing one.
public struct EnvironmentCredentialProvider: CredentialProvider, CustomStringConvertible {
    public static let accessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID"
    public static let accessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"
    public static let securityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN"
    public static let regionIdVariable = "ALIBABA_CLOUD_REGION_ID"

    private let value: Credential
    /// `ALIBABA_CLOUD_REGION_ID`, when set.
    public let regionId: String?

    /// `nil` when none of the credential variables is set. Throws `CredentialError.incompleteEnvironment`
    /// when only some are: a key id without its secret is a mistake worth reporting, not a reason to
    /// silently fall back to another source.
    public init?(environment: [String: String]) throws(CredentialError) {
        let id = Self.value(of: Self.accessKeyIdVariable, in: environment)
        let secret = Self.value(of: Self.accessKeySecretVariable, in: environment)
        let token = Self.value(of: Self.securityTokenVariable, in: environment)
        switch (id, secret) {
        case (let id?, let secret?):
            value = Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token)
            regionId = Self.regionId(in: environment)
        case (nil, nil):
            guard token != nil else { return nil }
            throw .incompleteEnvironment(
                present: [Self.securityTokenVariable],
                missing: [Self.accessKeyIdVariable, Self.accessKeySecretVariable])
        case (_?, nil):
            throw .incompleteEnvironment(present: [Self.accessKeyIdVariable], missing: [Self.accessKeySecretVariable])
        case (nil, _?):
            throw .incompleteEnvironment(present: [Self.accessKeySecretVariable], missing: [Self.accessKeyIdVariable])
        }
    }

    /// `ALIBABA_CLOUD_REGION_ID` from `environment`, when set and not empty.
    public static func regionId(in environment: [String: String]) -> String? {
        value(of: regionIdVariable, in: environment)
    }

    public func credential() async throws -> Credential { value }

    /// Names the key id only: a provider may end up in a debug log.
    public var description: String { "EnvironmentCredentialProvider(accessKeyId: \(value.accessKeyId))" }

    private static func value(of name: String, in environment: [String: String]) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
