/// The credentials one profile of the CLI config file describes.
///
/// The profile is checked when the provider is made, so that a profile missing its secret fails when the
/// shell starts or runs `use profile`, not at the first request.
public struct ProfileCredentialProvider: CredentialProvider, CustomStringConvertible {
    /// The modes this client can use; the CLI has more (`RamRoleArn`, `ChainableRamRoleArn`, `External`, …)
    /// which need an STS call or a helper process.
    public static let supportedModes = ["AK", "StsToken", "EcsRamRole"]

    public let profileName: String
    /// The profile's mode as spelled in `supportedModes`.
    public let mode: String
    /// The profile's `region_id`, when set.
    public let regionId: String?
    private let base: any CredentialProvider

    /// Throws `CredentialError.unsupportedMode` or `.missingProfileField` when the profile cannot be used.
    /// `transport`, `clock` and `metadataBaseURL` serve `EcsRamRole` profiles only.
    public init(
        profile: AliyunConfigFile.Profile, transport: any HTTPTransport, clock: any Clock = SystemClock(),
        metadataBaseURL: String = EcsRamRoleCredentialProvider.defaultBaseURL
    ) throws(CredentialError) {
        // The CLI writes the mode as shown in `supportedModes`; hand-written files vary in case.
        let written = profile.mode ?? "AK"
        guard let mode = Self.supportedModes.first(where: { $0.lowercased() == written.lowercased() }) else {
            throw .unsupportedMode(profile: profile.name, mode: written, supported: Self.supportedModes)
        }
        func required(_ value: String?, _ field: String) throws(CredentialError) -> String {
            guard let value else { throw .missingProfileField(profile: profile.name, mode: mode, field: field) }
            return value
        }
        switch mode {
        case "AK":
            base = StaticCredentialProvider(
                accessKeyId: try required(profile.accessKeyId, "access_key_id"),
                accessKeySecret: try required(profile.accessKeySecret, "access_key_secret"))
        case "StsToken":
            base = StaticCredentialProvider(
                accessKeyId: try required(profile.accessKeyId, "access_key_id"),
                accessKeySecret: try required(profile.accessKeySecret, "access_key_secret"),
                securityToken: try required(profile.stsToken, "sts_token"))
        default:
            base = EcsRamRoleCredentialProvider(
                roleName: profile.ramRoleName, transport: transport, clock: clock, baseURL: metadataBaseURL)
        }
        self.profileName = profile.name
        self.mode = mode
        self.regionId = profile.regionId
    }

    public func credential() async throws -> Credential {
        try await base.credential()
    }

    public var description: String { "ProfileCredentialProvider(profile: \(profileName), mode: \(mode))" }
}
