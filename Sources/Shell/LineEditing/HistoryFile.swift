import CEditLine
import Foundation

/// The command history, in libedit's own file format (`_HiStOrY_V2_`, lines encoded with vis(3)), kept
/// private to the user (mode 0600) and capped at `limit` entries, the newest kept.
final class HistoryFile: @unchecked Sendable {  // the handle is only touched under `lock`, or by el_gets
    let path: String
    let limit: Int
    /// The libedit `History *`, shared with the line editor for browsing with the arrow keys.
    let handle: OpaquePointer
    private let lock = NSLock()

    init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
        handle = history_init()
        var event = HistEvent()
        _ = ecsh_history_set_size(handle, &event, Int32(clamping: limit))
        _ = ecsh_history_set_unique(handle, &event, 1)
    }

    deinit {
        history_end(handle)
    }

    /// Reads the file; a missing file is an empty history. Returns a warning if the file could not be used.
    func load() -> String? {
        guard access(path, F_OK) == 0 else { return nil }
        guard access(path, R_OK) == 0 else {
            return "cannot read history file \(path): \(String(cString: strerror(errno)))"
        }
        return lock.withLock {
            var event = HistEvent()
            if ecsh_history_load(handle, &event, path) < 0 {
                _ = ecsh_history_clear(handle, &event)
                return "history file \(path) is not in the expected format; it was not loaded"
            }
            return nil
        }
    }

    /// Remembers `line`, unless it is empty or starts with a space (the usual way to keep a line out).
    func add(_ line: String) {
        guard !line.isEmpty, !line.hasPrefix(" ") else { return }
        lock.withLock {
            var event = HistEvent()
            _ = ecsh_history_enter(handle, &event, line)
        }
    }

    /// All entries, oldest first.
    func entries() -> [String] {
        lock.withLock {
            var result: [String] = []
            var event = HistEvent()
            var status = ecsh_history_last(handle, &event)
            while status >= 0, let text = event.str {
                result.append(String(cString: text))
                status = ecsh_history_prev(handle, &event)
            }
            return result
        }
    }

    /// Writes the file, created (or made) mode 0600. Not libedit's `history_truncate_file`: on Linux it
    /// drops the header, after which the file no longer loads.
    func save() throws {
        try lock.withLock {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw failure() }
            guard fchmod(descriptor, 0o600) == 0, let file = fdopen(descriptor, "w") else {
                let error = failure()
                close(descriptor)
                throw error
            }
            var event = HistEvent()
            let saved = ecsh_history_save_fp(handle, &event, file)
            let flushed = fflush(file) == 0
            let error = failure()
            fclose(file)
            guard saved >= 0, flushed else { throw error }
        }
    }

    private func failure() -> HistoryFileError {
        HistoryFileError(path: path, reason: String(cString: strerror(errno)))
    }
}
