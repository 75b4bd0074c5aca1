/// A disk's `Status`, as DescribeDisks reports it.
public enum DiskStatus: String, WorldEnumeration {
    case inUse = "In_use"
    case available = "Available"
    case reIniting = "ReIniting"
    case attaching = "Attaching"
    case detaching = "Detaching"
    case creating = "Creating"

    /// Whether a disk in this state is attached to an instance.
    public var isAttached: Bool { self == .inUse || self == .reIniting || self == .detaching }
}
