/// A disk's `Category`: the cloud disk kinds and the local (ephemeral) ones.
public enum DiskCategory: String, WorldEnumeration {
    case cloud
    case cloudEfficiency = "cloud_efficiency"
    case cloudSSD = "cloud_ssd"
    case cloudESSD = "cloud_essd"
    case cloudAuto = "cloud_auto"
    case cloudESSDEntry = "cloud_essd_entry"
    case localSSDPro = "local_ssd_pro"
    case localHDDPro = "local_hdd_pro"
    case ephemeral
    case ephemeralSSD = "ephemeral_ssd"

    /// Local disks live and die with their host: ReInitDisk answers `DiskCategory.OperationNotSupported`.
    public var isLocal: Bool {
        switch self {
        case .localSSDPro, .localHDDPro, .ephemeral, .ephemeralSSD: true
        default: false
        }
    }

    /// SSD-backed cloud disks attach only to I/O optimised instances
    /// (otherwise ReInitDisk answers `DependencyViolation.IoOptimize`).
    public var needsIoOptimizedInstance: Bool {
        switch self {
        case .cloudSSD, .cloudESSD, .cloudAuto, .cloudESSDEntry: true
        default: false
        }
    }
}
