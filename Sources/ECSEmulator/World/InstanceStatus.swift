/// An instance's `Status`, as DescribeInstances reports it.
public enum InstanceStatus: String, WorldEnumeration {
    case pending = "Pending"
    case running = "Running"
    case starting = "Starting"
    case stopping = "Stopping"
    case stopped = "Stopped"
}
