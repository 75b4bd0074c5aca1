/// Where each disk of a `reinit` is, as a pure state machine: events in, the progress line out. Shared by
/// the tasks of a parallel reinit through `ProgressLine`.
struct ReinitProgress: Sendable, Equatable {
    enum Phase: Sendable, Equatable {
        case queued
        /// Its instance is being stopped (`--stop-first`), with the instance's status.
        case stopping(String)
        /// The ReInitDisk call is on its way.
        case calling
        /// Accepted; the disk's (or, when autostarted, the instance's) latest status.
        case status(String)
        case done
        case failed
    }

    private(set) var diskIds: [String]
    private var phases: [String: Phase] = [:]

    init(diskIds: [String]) {
        self.diskIds = diskIds
    }

    func phase(of diskId: String) -> Phase { phases[diskId] ?? .queued }

    /// Records a disk's new phase; returns whether the line changed, so that unchanged polls draw nothing.
    @discardableResult
    mutating func record(_ phase: Phase, for diskId: String) -> Bool {
        guard self.phase(of: diskId) != phase else { return false }
        phases[diskId] = phase
        return true
    }

    /// `d-x ReIniting 4s` for one disk; counts per phase for several: `3 disks: 2 ReIniting, 1 done 4s`.
    func line(seconds: Int) -> String {
        if diskIds.count == 1, let diskId = diskIds.first {
            return "\(diskId) \(Self.label(phase(of: diskId))) \(seconds)s"
        }
        var counts: [(label: String, count: Int)] = []
        for diskId in diskIds {
            let label = Self.label(phase(of: diskId))
            if let index = counts.firstIndex(where: { $0.label == label }) {
                counts[index].count += 1
            } else {
                counts.append((label, 1))
            }
        }
        let summary = counts.map { "\($0.count) \($0.label)" }.joined(separator: ", ")
        return "\(diskIds.count) disks: \(summary) \(seconds)s"
    }

    static func label(_ phase: Phase) -> String {
        switch phase {
        case .queued: "queued"
        case .stopping(let status): "instance \(status)"
        case .calling: "sending ReInitDisk"
        case .status(let status): status
        case .done: "done"
        case .failed: "failed"
        }
    }
}
