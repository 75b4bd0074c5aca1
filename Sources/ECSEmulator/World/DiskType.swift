/// Whether a disk is an instance's system disk or a data disk (`Type`).
public enum DiskType: String, WorldEnumeration {
    case system
    case data
}
