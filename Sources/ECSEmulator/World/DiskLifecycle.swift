public import Foundation

/// A disk's status over time, as a pure state machine: what is stored is a status and, for a
/// transitional one, when it ends; the status at any moment is derived from those. No timers.
///
/// `ReIniting` becomes `In_use` once `now >= endsAt`. The other statuses stay as they are
/// (the emulator has no AttachDisk, DetachDisk or CreateDisk, so `Attaching`, `Detaching` and
/// `Creating` last as long as the world does).
public struct DiskLifecycle: Sendable, Equatable {
    /// The status last written, which may have ended already: read `status(at:)`.
    public private(set) var storedStatus: DiskStatus
    /// When `storedStatus` gives way to the next; `nil` means it lasts.
    public private(set) var endsAt: Date?

    /// What an event did: started a transition, or was refused in the current status.
    public enum Transition: Sendable, Equatable {
        case began(DiskStatus, until: Date)
        case refused(current: DiskStatus)
    }

    public init(status: DiskStatus, endsAt: Date? = nil) {
        storedStatus = status
        self.endsAt = endsAt
    }

    /// The status at `now`.
    public func status(at now: Date) -> DiskStatus {
        if storedStatus == .reIniting, let endsAt, now >= endsAt { return .inUse }
        return storedStatus
    }

    /// ReInitDisk: an `In_use` disk is `ReIniting` for `seconds`, then `In_use` again.
    public mutating func reInit(at now: Date, lasting seconds: TimeInterval) -> Transition {
        let current = status(at: now)
        guard current == .inUse else { return .refused(current: current) }
        let end = now + seconds
        storedStatus = .reIniting
        endsAt = end
        return .began(.reIniting, until: end)
    }
}
