import ECS

/// What `reinit` sends besides the disk id: its flags, else the session's settings.
///
/// Password and key pair only reach system disks: a data disk has no login to reset, and a password
/// sent where it does nothing is a password sent for nothing. Both may be absent: ReInitDisk then keeps
/// the instance's current password and key pair, which the API document allows.
struct ReinitSettings: Sendable {
    var password: Password?
    var keyPairName: String?
    /// Whether `--keypair` was given: only then a Windows instance is an error, not a setting skipped.
    var keyPairIsExplicit: Bool
    var autostart: Bool
    var securityEnhancement: SecurityEnhancementStrategy?

    /// The request for one disk; `type` and `windows` are nil when nothing was described (`--no-preflight`).
    func request(diskId: String, type: String?, windows: Bool?) -> ReInitDiskRequest {
        let isData = type == "data"
        // The session's key pair is for Linux; an explicit one is sent and the preflight objects.
        let keyPair = windows == true && !keyPairIsExplicit ? nil : keyPairName
        return ReInitDiskRequest(
            diskId: diskId, password: isData ? nil : password, keyPairName: isData ? nil : keyPair,
            autoStartInstance: autostart, securityEnhancementStrategy: isData ? nil : securityEnhancement)
    }
}
