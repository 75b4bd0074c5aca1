/// Why a wait for a status ended without it: the time ran out, or the resource went away.
enum WaitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `subject` is what was watched (`disk d-x`), `target` the status awaited.
    case timedOut(subject: String, target: String, lastStatus: String?, seconds: Int)
    case vanished(subject: String, target: String, region: String)

    var description: String {
        switch self {
        case .timedOut(let subject, let target, let lastStatus, let seconds):
            let last = lastStatus.map { "last status seen: \($0)" } ?? "its status was never read"
            return "timed out after \(seconds) s waiting for \(subject) to be \(target) (\(last)); "
                + "a longer --timeout waits more, `wait` resumes"
        case .vanished(let subject, let target, let region):
            return "\(subject) was not found in region \(region) (waiting for it to be \(target))"
        }
    }
}
