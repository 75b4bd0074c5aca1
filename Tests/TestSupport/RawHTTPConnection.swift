public import Foundation
import Glibc

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
