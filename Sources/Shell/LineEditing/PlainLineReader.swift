import Foundation
import Synchronization

/// Reads lines from a pipe or a file without an editor: no prompt, CRLF and a last line without newline
/// accepted, invalid UTF-8 repaired. Reads in large chunks, and hands out the data line that follows a
/// command (`set password --stdin`) from the same buffer, so that nothing read ahead is lost.
final class PlainLineReader: LineReader {
    private struct Buffer {
        var bytes: [UInt8] = []
        var start = 0
        /// Where the search for the next newline resumes, so a long line is scanned once.
        var scanned = 0
        var atEnd = false

        /// The next line, if a whole one is buffered (or the input ended); nil when more must be read.
        mutating func nextLine() -> LineInput? {
            if let newline = bytes[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                return .line(take(upTo: newline, skipping: 1))
            }
            scanned = bytes.count
            guard atEnd else { return nil }
            return start < bytes.count ? .line(take(upTo: bytes.count, skipping: 0)) : .endOfInput
        }

        private mutating func take(upTo end: Int, skipping: Int) -> String {
            var last = end
            if last > start && bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
            let line = String(decoding: bytes[start..<last], as: UTF8.self)
            start = end + skipping
            scanned = start
            if start > 65_536 && start * 2 > bytes.count {
                bytes.removeFirst(start)
                scanned -= start
                start = 0
            }
            return line
        }
    }

    private static let chunkSize = 65_536
    private let fileDescriptor: Int32
    private let closesDescriptor: Bool
    private let buffer = Mutex(Buffer())
    private let worker = BlockingWorker(name: "ecsh-plain-reader")

    /// - Parameter closesDescriptor: close `fileDescriptor` when the reader goes away (a script file).
    init(fileDescriptor: Int32, closesDescriptor: Bool = false) {
        self.fileDescriptor = fileDescriptor
        self.closesDescriptor = closesDescriptor
    }

    deinit {
        if closesDescriptor { close(fileDescriptor) }
    }

    func readLine(prompt: String) async -> LineInput {
        // A buffered line needs no thread hop: this keeps a long script fast.
        if let ready = buffer.withLock({ $0.nextLine() }) { return ready }
        return await worker.run { self.readBlocking() }
    }

    /// The next line as data (a password given on standard input), from the same buffer as the commands.
    func takeNextLine() async -> String? {
        guard case .line(let line) = await readLine(prompt: "") else { return nil }
        return line
    }

    private func readBlocking() -> LineInput {
        buffer.withLock { buffer in
            while true {
                if let ready = buffer.nextLine() { return ready }
                fill(&buffer)
            }
        }
    }

    private func fill(_ buffer: inout Buffer) {
        let oldCount = buffer.bytes.count
        buffer.bytes.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        while true {
            let count = buffer.bytes.withUnsafeMutableBytes { raw in
                read(fileDescriptor, raw.baseAddress! + oldCount, Self.chunkSize)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == EAGAIN {
                var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, -1)
                continue
            }
            buffer.bytes.removeLast(Self.chunkSize - max(count, 0))
            if count <= 0 { buffer.atEnd = true }
            return
        }
    }
}
