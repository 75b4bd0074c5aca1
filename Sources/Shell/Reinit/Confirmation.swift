/// The one question `reinit` asks at a terminal: what each disk loses, then "Continue? [y/N]".
enum Confirmation {
    /// One line per disk (and per instance stopped first), the question on the last line.
    static func question(for targets: [ReinitTarget]) -> String {
        var lines: [String] = []
        var stopped: Set<String> = []
        for target in targets {
            if target.needsStop, let instanceId = target.instanceId, stopped.insert(instanceId).inserted {
                lines.append("Instance \(instanceId) (\(target.instance?.status ?? "Running")) will be stopped first.")
            }
            lines.append(line(for: target))
        }
        return (lines + ["Continue? [y/N] "]).joined(separator: "\n")
    }

    /// What happens to one disk, in words: `System disk d-x of i-y (linux) will be reset to image m-…`.
    static func line(for target: ReinitTarget) -> String {
        let lost = " — all data on it is lost."
        guard let disk = target.disk else {
            return "Disk \(target.diskId) will be reset to its initial state" + lost
        }
        let owner = disk.instanceId.map { " of \($0)" } ?? ""
        if disk.isSystemDisk {
            let system = target.instance?.osType.map { " (\($0))" } ?? ""
            let image = disk.imageId.map { "image \($0)" } ?? "its image"
            return "System disk \(disk.diskId)\(owner)\(system) will be reset to \(image)" + lost
        }
        let state = disk.sourceSnapshotId.map { "snapshot \($0)" } ?? "empty"
        return "Data disk \(disk.diskId)\(owner) will be reset to its initial state (\(state))" + lost
    }
}
