/// `reinit --stop-first` could not stop a disk's instance, so ReInitDisk was not sent.
struct StopFailure: Error, Sendable, CustomStringConvertible {
    var instanceId: String
    var error: any Error

    var description: String {
        "could not stop instance \(instanceId), so ReInitDisk was not sent: \(error)"
    }
}
