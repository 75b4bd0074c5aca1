public import Foundation

/// The Alibaba Cloud CLI's `~/.aliyun/config.json`, read so that people who already ran `aliyun configure`
/// need nothing else.
///
/// Only the fields credentials need are read; the CLI writes many more (`output_format`, `retry_count`, …)
/// and they are ignored, as are unknown ones, so files from any CLI version load.
public struct AliyunConfigFile: Sendable, Equatable {
    /// One entry of `profiles`. Empty strings (the CLI writes `""` for unused fields) read as `nil`.
    public struct Profile: Sendable, Equatable, Decodable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        public var name: String
        /// `AK`, `StsToken`, `EcsRamRole`, `RamRoleArn`, …; `nil` when absent, which the CLI treats as `AK`.
        public var mode: String?
        public var accessKeyId: String?
        public var accessKeySecret: String?
        public var stsToken: String?
        public var regionId: String?
        public var ramRoleName: String?

        public init(
            name: String, mode: String? = nil, accessKeyId: String? = nil, accessKeySecret: String? = nil,
            stsToken: String? = nil, regionId: String? = nil, ramRoleName: String? = nil
        ) {
            self.name = name
            self.mode = mode
            self.accessKeyId = accessKeyId
            self.accessKeySecret = accessKeySecret
            self.stsToken = stsToken
            self.regionId = regionId
            self.ramRoleName = ramRoleName
        }

        private enum CodingKeys: String, CodingKey {
            case name, mode
            case accessKeyId = "access_key_id"
            case accessKeySecret = "access_key_secret"
            case stsToken = "sts_token"
            case regionId = "region_id"
            case ramRoleName = "ram_role_name"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func field(_ key: CodingKeys) throws -> String? {
                guard let value = try container.decodeIfPresent(String.self, forKey: key), !value.isEmpty else {
                    return nil
                }
                return value
            }
            name = try field(.name) ?? ""
            mode = try field(.mode)
            accessKeyId = try field(.accessKeyId)
            accessKeySecret = try field(.accessKeySecret)
            stsToken = try field(.stsToken)
            regionId = try field(.regionId)
            ramRoleName = try field(.ramRoleName)
        }

        /// Leaves out the secret and the token: a profile may end up in a debug log or a failed test's
        /// output; `String(reflecting:)` and `dump` go through these too, as for `Credential`.
        public var description: String {
            "Profile(name: \(name), mode: \(mode ?? "AK"), accessKeyId: \(accessKeyId ?? "-"), "
                + "region: \(regionId ?? "-"))"
        }

        public var debugDescription: String { description }

        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "name": name, "mode": mode as Any, "accessKeyId": accessKeyId as Any,
                    "accessKeySecret": accessKeySecret.map { _ in "<redacted>" } as Any,
                    "stsToken": stsToken.map { _ in "<redacted>" } as Any, "regionId": regionId as Any,
                    "ramRoleName": ramRoleName as Any,
                ])
        }
    }

    /// Names the profile to use when no `--profile` is given; the CLI reads it too.
    public static let profileVariable = "ALIBABA_CLOUD_PROFILE"
    /// The file's place, as shown to people.
    public static let displayPath = "~/.aliyun/config.json"
    /// The profile the CLI uses when `current` is empty.
    public static let defaultProfileName = "default"

    /// Where the file lives under `homeDirectory`.
    public static func path(homeDirectory: String) -> String {
        URL(fileURLWithPath: homeDirectory, isDirectory: true).appendingPathComponent(".aliyun/config.json").path
    }

    public var current: String?
    public var profiles: [Profile]

    public init(current: String? = nil, profiles: [Profile] = []) {
        self.current = current
        self.profiles = profiles
    }

    /// Parses the file's text; `path` is only for messages.
    public init(data: Data, path: String) throws(CredentialError) {
        // JSONSerialization first: its syntax errors say where ("around character 41"); JSONDecoder's do not.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformedConfigFile(path: path, hint: Self.syntaxHint(error, in: data))
        }
        do {
            let file = try JSONDecoder().decode(FileShape.self, from: data)
            current = file.current.flatMap { $0.isEmpty ? nil : $0 }
            profiles = file.profiles ?? []
        } catch let error as DecodingError {
            throw .malformedConfigFile(path: path, hint: Self.structureHint(error))
        } catch {
            throw .malformedConfigFile(path: path, hint: "\(error)")
        }
    }

    /// Reads and parses the file at `path`; `nil` when there is no file there (nothing configured).
    public static func load(path: String) throws(CredentialError) -> AliyunConfigFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .configFileUnreadable(path: path, reason: readFailureReason(error))
        }
        return try AliyunConfigFile(data: data, path: path)
    }

    /// A warning when the file at `path` can be read or changed by group or others, as `chmod 644` leaves
    /// it: it holds access key secrets. `nil` when the file is private or cannot be examined.
    public static func permissionWarning(path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 != 0 else { return nil }
        let octal = "0" + String(mode, radix: 8)
        return "\(path) holds access keys but is open to group or others (mode \(octal)); run: chmod 600 \(path)"
    }

    /// The names of the profiles, in file order.
    public var profileNames: [String] { profiles.map(\.name) }

    /// The first profile called `name`, as the CLI picks it.
    public func profile(named name: String) -> Profile? {
        profiles.first { $0.name == name }
    }

    /// The profile to use: `explicitName` (from `--profile` or `use profile`), else `ALIBABA_CLOUD_PROFILE`
    /// from `environment`, else the file's `current`, else `default`. `path` is only for messages.
    public func selectProfile(
        named explicitName: String?, environment: [String: String], path: String
    ) throws(CredentialError) -> Profile {
        let (name, origin): (String, String?)
        if let explicitName, !explicitName.isEmpty {
            (name, origin) = (explicitName, nil)
        } else if let fromEnvironment = environment[Self.profileVariable], !fromEnvironment.isEmpty {
            (name, origin) = (fromEnvironment, Self.profileVariable)
        } else if let current {
            (name, origin) = (current, "the file's \"current\"")
        } else {
            (name, origin) = (Self.defaultProfileName, "default, as \"current\" is empty")
        }
        guard let profile = profile(named: name) else {
            throw .profileNotFound(name, path: path, available: profileNames, origin: origin)
        }
        return profile
    }

    /// The file as a whole; both members are optional so that a skeleton `{}` loads.
    private struct FileShape: Decodable {
        var current: String?
        var profiles: [Profile]?
    }

    /// The parser's explanation, with "around character N" turned into a line and column people can find.
    private static func syntaxHint(_ error: any Error, in data: Data) -> String {
        let hint = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "not valid JSON"
        guard let range = hint.range(of: "around character "),
            let offset = Int(hint[range.upperBound...].prefix { $0.isNumber }), offset <= data.count
        else { return hint }
        let before = [UInt8](data.prefix(offset))
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "\(hint) (line \(line), column \(column))"
    }

    /// Where in the document a type did not fit, e.g. `profiles[0].name: Expected to decode String …`.
    private static func structureHint(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return "\(error)"
        }
        var location = ""
        for key in context.codingPath {
            if let index = key.intValue {
                location += "[\(index)]"
            } else {
                location += location.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return (location.isEmpty ? "at the top level" : "at \(location)") + ": \(context.debugDescription)"
    }

    /// A short reason such as "Is a directory", from the POSIX error under Foundation's.
    private static func readFailureReason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error {
            let code = Int32((underlying as NSError).code)
            if (underlying as NSError).domain == NSPOSIXErrorDomain, let text = strerror(code) {
                return String(cString: text)
            }
            return underlying.localizedDescription
        }
        return error.localizedDescription
    }
}
