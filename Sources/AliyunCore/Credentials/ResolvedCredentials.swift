/// Where the credentials come from, as the command line and `show session` need it.
public struct ResolvedCredentials: Sendable, CustomStringConvertible {
    public var provider: any CredentialProvider
    /// For people: `command-line flags`, `environment` or `profile "prod" (~/.aliyun/config.json)`.
    public var source: String
    /// The profile of the CLI config file in use, if any.
    public var profileName: String?
    /// `ALIBABA_CLOUD_REGION_ID`, else the profile's `region_id`; a `--region` flag is the caller's to apply.
    public var defaultRegion: String?
    /// Things worth telling the user that do not stop the shell (e.g. a config file others can read).
    public var warnings: [String]

    public init(
        provider: any CredentialProvider, source: String, profileName: String? = nil, defaultRegion: String? = nil,
        warnings: [String] = []
    ) {
        self.provider = provider
        self.source = source
        self.profileName = profileName
        self.defaultRegion = defaultRegion
        self.warnings = warnings
    }

    public var description: String { "credentials from \(source)" }
}
