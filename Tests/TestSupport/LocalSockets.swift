public import Foundation
import Glibc

/// A failed socket call in a test helper.
public struct SocketError: Error, CustomStringConvertible {
    public var description: String

    init(_ call: String) { description = "\(call): \(String(cString: strerror(errno)))" }
}

/// A TCP port on 127.0.0.1 with nothing listening: bound to learn a free port, then closed.
public func unusedLocalPort() throws -> UInt16 {
    let socket = try LocalSocket()
    defer { socket.close() }
    try socket.bind(port: 0)
    return try socket.localPort()
}

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

/// A plain TCP client for sending bytes no HTTP library would send (malformed request lines,
/// hand-made chunked bodies) and reading the raw answer.
public final class RawHTTPConnection {
    private let socket: LocalSocket

    public init(port: UInt16, timeout: TimeInterval = 5) throws {
        socket = try LocalSocket()
        socket.setReceiveTimeout(timeout)
        try socket.connect(port: port)
    }

    deinit { socket.close() }

    public func send(_ text: String) throws { try send(Data(text.utf8)) }

    public func send(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(
                    socket.fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { throw SocketError("send") }
                offset += sent
            }
        }
    }

    /// Reads one response: the head, then as many body bytes as its `Content-Length` says (or
    /// until the server closes). `nil` if the server closed without sending anything.
    public func readResponse() throws -> String? {
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        func readMore() throws -> Bool {
            let count = recv(socket.fd, &chunk, chunk.count, 0)
            if count < 0 { throw SocketError("recv") }
            received.append(contentsOf: chunk[0..<count])
            return count > 0
        }
        let separator = Data("\r\n\r\n".utf8)
        while received.range(of: separator) == nil {
            guard try readMore() else { return received.isEmpty ? nil : String(decoding: received, as: UTF8.self) }
        }
        let headEnd = received.range(of: separator)!.upperBound
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        let length =
            head.split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        while received.count - headEnd < length {
            guard try readMore() else { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the server has closed its end (reads end of stream within the receive timeout).
    public func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(socket.fd, &byte, 1, 0) == 0
    }
}

/// The few socket calls the helpers need, on 127.0.0.1 only.
private final class LocalSocket {
    let fd: Int32

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
    }

    func close() { _ = Glibc.close(fd) }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private func withAddress<T>(port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = Self.loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    func bind(port: UInt16) throws {
        guard withAddress(port: port, { Glibc.bind(fd, $0, $1) }) == 0 else { throw SocketError("bind") }
    }

    func listen(backlog: Int32) throws {
        guard Glibc.listen(fd, backlog) == 0 else { throw SocketError("listen") }
    }

    func connect(port: UInt16) throws {
        guard withAddress(port: port, { Glibc.connect(fd, $0, $1) }) == 0 else { throw SocketError("connect") }
    }

    /// Starts a non-blocking connect and does not wait for it.
    func startConnect(port: UInt16) {
        _ = withAddress(port: port) { Glibc.connect(fd, $0, $1) }
    }

    func setNonBlocking() {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    func setReceiveTimeout(_ seconds: TimeInterval) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    func localPort() throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw SocketError("getsockname") }
        return UInt16(bigEndian: address.sin_port)
    }
}
