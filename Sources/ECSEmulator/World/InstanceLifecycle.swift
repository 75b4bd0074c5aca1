public import Foundation

/// An instance's status over time, as a pure state machine: a stored status, when a transitional one
/// ends, and whether the instance was ever started. The status at any moment is derived. No timers.
///
/// ```
/// Stopped --start--> Starting --(endsAt)--> Running --stop--> Stopping --(endsAt)--> Stopped
/// ```
/// `Pending` lasts as long as the world does (the emulator has no RunInstances).
public struct InstanceLifecycle: Sendable, Equatable {
    /// The status last written, which may have ended already: read `status(at:)`.
    public private(set) var storedStatus: InstanceStatus
    /// When `storedStatus` gives way to the next; `nil` means it lasts.
    public private(set) var endsAt: Date?
    /// Whether the instance was started at least once; ReInitDisk needs that.
    public private(set) var everStarted: Bool

    /// What an event did: started a transition, or was refused in the current status.
    public enum Transition: Sendable, Equatable {
        case began(InstanceStatus, until: Date)
        case refused(current: InstanceStatus)
    }

    public init(status: InstanceStatus, endsAt: Date? = nil, everStarted: Bool) {
        storedStatus = status
        self.endsAt = endsAt
        self.everStarted = everStarted
    }

    /// The status at `now`.
    public func status(at now: Date) -> InstanceStatus {
        guard let endsAt, now >= endsAt else { return storedStatus }
        switch storedStatus {
        case .starting: return .running
        case .stopping: return .stopped
        default: return storedStatus
        }
    }

    /// StartInstance (or ReInitDisk with `AutoStartInstance`): a `Stopped` instance is `Starting` for
    /// `seconds`, then `Running`; from now on it counts as started.
    public mutating func start(at now: Date, lasting seconds: TimeInterval) -> Transition {
        let current = status(at: now)
        guard current == .stopped else { return .refused(current: current) }
        let end = now + seconds
        storedStatus = .starting
        endsAt = end
        everStarted = true
        return .began(.starting, until: end)
    }

    /// StopInstance: a `Running` instance is `Stopping` for `seconds`, then `Stopped`.
    public mutating func stop(at now: Date, lasting seconds: TimeInterval) -> Transition {
        let current = status(at: now)
        guard current == .running else { return .refused(current: current) }
        let end = now + seconds
        storedStatus = .stopping
        endsAt = end
        return .began(.stopping, until: end)
    }
}
