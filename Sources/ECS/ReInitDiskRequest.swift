import AliyunCore

/// One ReInitDisk call: the disk and the options the API document lists.
///
/// ReInitDisk takes no `RegionId` (the disk id is global) and no `ClientToken`: it is not idempotent.
public struct ReInitDiskRequest: Sendable, Equatable {
    public var diskId: String
    public var password: Password?
    public var keyPairName: String?
    /// Start the instance afterwards; `nil` leaves it to the API's default (not started).
    public var autoStartInstance: Bool?
    public var securityEnhancementStrategy: SecurityEnhancementStrategy?

    public init(
        diskId: String, password: Password? = nil, keyPairName: String? = nil, autoStartInstance: Bool? = nil,
        securityEnhancementStrategy: SecurityEnhancementStrategy? = nil
    ) {
        self.diskId = diskId
        self.password = password
        self.keyPairName = keyPairName
        self.autoStartInstance = autoStartInstance
        self.securityEnhancementStrategy = securityEnhancementStrategy
    }

    /// What goes on the wire, password included; absent options are left out.
    public var parameters: [String: String] {
        var parameters = ["DiskId": diskId]
        parameters["Password"] = password?.reveal()
        parameters["KeyPairName"] = keyPairName
        parameters["AutoStartInstance"] = autoStartInstance.map { $0 ? "true" : "false" }
        parameters["SecurityEnhancementStrategy"] = securityEnhancementStrategy?.rawValue
        return parameters
    }

    /// What may be shown (a dry run, a debug line): `parameters` with the password masked.
    public var redactedParameters: [String: String] {
        Redactor.redact(parameters: parameters, mask: Self.passwordMask)
    }

    /// What stands for the password in `redactedParameters`.
    public static let passwordMask = "******"
}
