/// Picks the credentials the shell uses, the way the official SDKs' default chain does.
///
/// Order: access key flags; then a profile named explicitly (`--profile`, `use profile`); then the
/// `ALIBABA_CLOUD_ACCESS_KEY_*` environment variables; then the profile of `~/.aliyun/config.json` named by
/// `ALIBABA_CLOUD_PROFILE` or the file's `current`. The environment beats the file's current profile because
/// that is what the SDKs do, and the CLI's opposite order keeps surprising its users. A profile named on the
/// command line beats the environment because the user just typed it: signing with other keys than the
/// profile asked for would act on the wrong account.
///
/// Resolution reads the file but sends nothing: an `EcsRamRole` profile reaches the metadata service only
/// when the first request needs its keys.
public struct CredentialResolver: Sendable {
    /// Keys given on the command line (`--access-key-id`, `--access-key-secret`, `--sts-token`).
    public var flags: Credential?
    /// A profile named explicitly; `nil` lets `ALIBABA_CLOUD_PROFILE` or the file's `current` decide.
    public var profileName: String?
    /// The process environment, passed in (`ProcessInfo.processInfo.environment`).
    public var environment: [String: String]
    /// Where `.aliyun/config.json` is looked for.
    public var homeDirectory: String
    /// For the metadata service of `EcsRamRole` profiles.
    public var transport: any HTTPTransport
    public var clock: any Clock
    public var metadataBaseURL: String

    public init(
        flags: Credential? = nil, profileName: String? = nil, environment: [String: String], homeDirectory: String,
        transport: any HTTPTransport, clock: any Clock = SystemClock(),
        metadataBaseURL: String = EcsRamRoleCredentialProvider.defaultBaseURL
    ) {
        self.flags = flags
        self.profileName = profileName.flatMap { $0.isEmpty ? nil : $0 }
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.transport = transport
        self.clock = clock
        self.metadataBaseURL = metadataBaseURL
    }

    /// The full path of the CLI config file under `homeDirectory`.
    public var configFilePath: String { AliyunConfigFile.path(homeDirectory: homeDirectory) }

    /// The credentials to use, or `nil` when nothing is configured anywhere (no flags, no environment keys,
    /// no config file or one without profiles, and no profile asked for): the caller then uses the sandbox.
    /// Throws `CredentialError` when something is configured but unusable; a broken setup is reported
    /// rather than skipped, so that the shell never quietly signs with other keys than the user meant.
    public func resolve() throws(CredentialError) -> ResolvedCredentials? {
        let environmentRegion = EnvironmentCredentialProvider.regionId(in: environment)
        if let flags {
            var warnings: [String] = []
            if let profileName {
                warnings.append("profile \"\(profileName)\" ignored: access keys were given on the command line")
            }
            return ResolvedCredentials(
                provider: StaticCredentialProvider(flags), source: "command-line flags",
                defaultRegion: environmentRegion, warnings: warnings)
        }
        if profileName == nil, let provider = try EnvironmentCredentialProvider(environment: environment) {
            return ResolvedCredentials(provider: provider, source: "environment", defaultRegion: environmentRegion)
        }
        return try resolveProfile(environmentRegion: environmentRegion)
    }

    /// The profile names of the config file, in file order; empty when there is no readable file.
    /// For completion, where an error message would be noise.
    public func profileNames() -> [String] {
        (try? AliyunConfigFile.load(path: configFilePath))?.profileNames ?? []
    }

    private func resolveProfile(environmentRegion: String?) throws(CredentialError) -> ResolvedCredentials? {
        let path = configFilePath
        let requested = profileName ?? environment[AliyunConfigFile.profileVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let file = try AliyunConfigFile.load(path: path) else {
            guard let requested else { return nil }
            throw .configFileUnreadable(
                path: path, reason: "no such file, and profile \"\(requested)\" was asked for")
        }
        if file.profiles.isEmpty && requested == nil { return nil }
        let profile = try file.selectProfile(named: profileName, environment: environment, path: path)
        let provider = try ProfileCredentialProvider(
            profile: profile, transport: transport, clock: clock, metadataBaseURL: metadataBaseURL)
        return ResolvedCredentials(
            provider: provider, source: "profile \"\(profile.name)\" (\(AliyunConfigFile.displayPath))",
            profileName: profile.name, defaultRegion: environmentRegion ?? profile.regionId,
            warnings: AliyunConfigFile.permissionWarning(path: path).map { [$0] } ?? [])
    }
}
