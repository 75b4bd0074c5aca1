/// Some disks of a `reinit` of several were not re-initialised; their rows say why. Thrown after the
/// rows are printed, so that a script stops (exit status 1).
struct ReinitFailure: Error, Sendable, Equatable, CustomStringConvertible {
    var failedDiskIds: [String]
    var diskCount: Int

    var description: String {
        let count = failedDiskIds.count
        let verb = count == 1 ? "was" : "were"
        return "\(count) of \(diskCount) disks \(verb) not re-initialised: \(failedDiskIds.joined(separator: ", ")) "
            + "(see the rows above; check with `disk ID` before trying again)"
    }
}
