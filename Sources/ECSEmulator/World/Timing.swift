public import Foundation

/// How long the transitional states last, in seconds (`Timing`).
public struct Timing: Sendable, Equatable, Codable {
    /// A disk stays `ReIniting` this long after ReInitDisk.
    public var reInitSeconds: TimeInterval
    /// An instance stays `Starting` this long after StartInstance.
    public var startSeconds: TimeInterval
    /// An instance stays `Stopping` this long after StopInstance.
    public var stopSeconds: TimeInterval

    enum CodingKeys: String, CodingKey {
        case reInitSeconds = "ReInitSeconds"
        case startSeconds = "StartSeconds"
        case stopSeconds = "StopSeconds"
    }

    public init(reInitSeconds: TimeInterval = 5, startSeconds: TimeInterval = 3, stopSeconds: TimeInterval = 3) {
        self.reInitSeconds = reInitSeconds
        self.startSeconds = startSeconds
        self.stopSeconds = stopSeconds
    }
}
