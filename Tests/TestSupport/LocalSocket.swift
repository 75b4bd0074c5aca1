import Foundation
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

/// The few socket calls the helpers need, on 127.0.0.1 only.
final class LocalSocket {
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
