public import Foundation

/// Why credentials could not be found or used.
///
/// The message is one line that names what was wrong and what would be accepted, so the shell can print
/// it as is. It never contains a secret: an access key secret, an STS token or a metadata response body.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong, for callers that branch on it. A struct over a private enum, so that adding a kind
    /// later breaks no caller's `switch`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case configFileUnreadable, malformedConfigFile, profileNotFound, missingProfileField, unsupportedMode
            case incompleteEnvironment, metadataUnreachable, metadataBadResponse
        }

        private let code: Code

        private init(_ code: Code) { self.code = code }

        /// The CLI config file exists but cannot be read, or a profile was asked for and there is no file.
        public static let configFileUnreadable = Kind(.configFileUnreadable)
        /// The CLI config file is not JSON, or not shaped like one.
        public static let malformedConfigFile = Kind(.malformedConfigFile)
        /// No profile of the requested name.
        public static let profileNotFound = Kind(.profileNotFound)
        /// The profile's mode needs a field the profile leaves empty.
        public static let missingProfileField = Kind(.missingProfileField)
        /// The profile's mode is one this client cannot use.
        public static let unsupportedMode = Kind(.unsupportedMode)
        /// Only some of the credential environment variables are set.
        public static let incompleteEnvironment = Kind(.incompleteEnvironment)
        /// The ECS metadata service did not answer.
        public static let metadataUnreachable = Kind(.metadataUnreachable)
        /// The ECS metadata service answered with something other than credentials.
        public static let metadataBadResponse = Kind(.metadataBadResponse)

        public var description: String { code.rawValue }
    }

    public let kind: Kind
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// `path` exists but cannot be read (or is missing although a profile from it was asked for).
    public static func configFileUnreadable(path: String, reason: String) -> CredentialError {
        CredentialError(.configFileUnreadable, "cannot read \(path): \(reason)")
    }

    /// `path` is not a JSON object of the CLI's shape; `hint` is the parser's explanation.
    public static func malformedConfigFile(path: String, hint: String) -> CredentialError {
        CredentialError(
            .malformedConfigFile,
            "\(path) is not a valid Alibaba Cloud CLI config file: \(hint)")
    }

    /// No profile called `name` in `path`; `origin` says who named it (e.g. `ALIBABA_CLOUD_PROFILE`).
    public static func profileNotFound(
        _ name: String, path: String, available: [String], origin: String? = nil
    ) -> CredentialError {
        let namedBy = origin.map { " (named by \($0))" } ?? ""
        let choices =
            available.isEmpty
            ? "the file has no profiles"
            : "available profiles: \(available.map { "\"\($0)\"" }.joined(separator: ", "))"
        return CredentialError(.profileNotFound, "no profile \"\(name)\"\(namedBy) in \(path); \(choices)")
    }

    /// Profile `profile` uses `mode`, which needs `field`, and the field is missing or empty.
    public static func missingProfileField(profile: String, mode: String, field: String) -> CredentialError {
        CredentialError(
            .missingProfileField,
            "profile \"\(profile)\" uses mode \(mode) but has no \(field); "
                + "set it with `aliyun configure --profile \(profile) --mode \(mode)`")
    }

    /// Profile `profile` uses `mode`, which is not one of `supported`.
    public static func unsupportedMode(profile: String, mode: String, supported: [String]) -> CredentialError {
        CredentialError(
            .unsupportedMode,
            "profile \"\(profile)\" uses mode \"\(mode)\", which is not supported; "
                + "supported modes: \(supported.joined(separator: ", "))")
    }

    /// Some credential environment variables are set (`present`) and others they need are not (`missing`).
    public static func incompleteEnvironment(present: [String], missing: [String]) -> CredentialError {
        let verb = present.count == 1 ? "is" : "are"
        return CredentialError(
            .incompleteEnvironment,
            "\(present.joined(separator: " and ")) \(verb) set but \(missing.joined(separator: " and ")) "
                + "\(missing.count == 1 ? "is" : "are") not; set both ALIBABA_CLOUD_ACCESS_KEY_ID and "
                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or neither")
    }

    /// The metadata service at `baseURL` did not answer; `detail` is the transport's explanation.
    public static func metadataUnreachable(baseURL: String, detail: String) -> CredentialError {
        CredentialError(
            .metadataUnreachable,
            "cannot reach the ECS metadata service at \(baseURL) (\(detail)); "
                + "mode EcsRamRole works only on an ECS instance with a RAM role")
    }

    /// The metadata service answered, but not with usable credentials; `detail` must not quote the body.
    public static func metadataBadResponse(_ detail: String) -> CredentialError {
        CredentialError(.metadataBadResponse, "the ECS metadata service \(detail)")
    }
}
