extension ECSAPI {
    /// Every `Status` DescribeDisks reports, for completion and for checking a `--status` before sending it.
    public static let diskStatuses = ["In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting"]

    /// Every `Status` DescribeInstances reports.
    public static let instanceStatuses = ["Pending", "Running", "Starting", "Stopping", "Stopped"]
}
