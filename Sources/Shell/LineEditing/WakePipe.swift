import Foundation

/// A self-pipe: lets another thread (or a signal) interrupt a `poll` that waits for terminal input.
final class WakePipe: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Makes the current or next `waitForInput` return false.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)  // a full pipe is already awake
    }

    /// Forgets wake-ups that nobody waited for.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }

    /// Waits until `fd` can be read (true: readable, at its end, or in error) or the pipe is woken (false).
    func waitForInput(on fd: Int32) -> Bool {
        var fds = [
            pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return true  // let the read report the error
            }
            if fds[0].revents != 0 {
                drain()
                return false
            }
            if fds[1].revents != 0 { return true }
        }
    }
}
