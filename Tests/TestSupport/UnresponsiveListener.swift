import Glibc

/// A listening socket on 127.0.0.1 whose accept queue is full and never drained: the kernel drops
/// new connection attempts, so connecting to `port` hangs until the client gives up. Shows the
/// difference between "cannot connect" and "connected, then no answer".
public final class UnresponsiveListener {
    public let port: UInt16
    private let listener: LocalSocket
    private var fillers: [LocalSocket] = []

    public init() throws {
        listener = try LocalSocket()
        try listener.bind(port: 0)
        try listener.listen(backlog: 0)
        port = try listener.localPort()
        // A backlog of 0 still admits one connection; a few more make sure the queue is full.
        for _ in 0..<3 {
            let filler = try LocalSocket()
            filler.setNonBlocking()
            filler.startConnect(port: port)
            fillers.append(filler)
        }
        // Give the kernel a moment to complete the handshake that fills the queue.
        usleep(50_000)
    }

    deinit {
        for filler in fillers { filler.close() }
        listener.close()
    }
}
