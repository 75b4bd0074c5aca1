import Foundation
import Testing

@testable import Shell

@Suite struct PlainLineReaderTests {
    /// A reader over a pipe that already holds `bytes` and is closed for writing.
    static func reader(_ bytes: [UInt8]) throws -> PlainLineReader {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        let descriptor = dup(pipe.fileHandleForReading.fileDescriptor)
        return PlainLineReader(fileDescriptor: descriptor, closesDescriptor: true)
    }

    static func readAll(_ reader: PlainLineReader) async -> [LineInput] {
        var lines: [LineInput] = []
        while true {
            let input = await reader.readLine(prompt: "ignored> ")
            lines.append(input)
            if input == .endOfInput { return lines }
        }
    }

    @Test func lastLineWithoutNewline() async throws {
        let lines = await Self.readAll(try Self.reader(Array("one\ntwo".utf8)))
        #expect(lines == [.line("one"), .line("two"), .endOfInput])
    }

    @Test func crlfAndEmptyLines() async throws {
        let lines = await Self.readAll(try Self.reader(Array("a\r\n\r\n\nb\r\n".utf8)))
        #expect(lines == [.line("a"), .line(""), .line(""), .line("b"), .endOfInput])
    }

    @Test func invalidUTF8IsRepaired() async throws {
        let lines = await Self.readAll(try Self.reader([0x61, 0xFF, 0x62, 0x0A, 0xC3, 0xA9, 0x0A]))
        #expect(lines == [.line("a\u{FFFD}b"), .line("é"), .endOfInput])
    }

    @Test func emptyInput() async throws {
        #expect(await Self.readAll(try Self.reader([])) == [.endOfInput])
    }

    @Test func takeNextLineSharesTheBuffer() async throws {
        let reader = try Self.reader(Array("set password --stdin\nsecret pass\necho done\n".utf8))
        #expect(await reader.readLine(prompt: "") == .line("set password --stdin"))
        #expect(await reader.takeNextLine() == "secret pass")
        #expect(await reader.readLine(prompt: "") == .line("echo done"))
        #expect(await reader.takeNextLine() == nil)
    }

    @Test func manyLinesAndLongLines() async throws {
        let long = String(repeating: "x", count: 200_000)
        let text = (1...10_000).map { "echo \($0)" }.joined(separator: "\n") + "\n" + long + "\nend"
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        // Written from another thread: the text is larger than a pipe holds.
        let data = Data(text.utf8)
        Thread.detachNewThread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        let reader = PlainLineReader(
            fileDescriptor: dup(pipe.fileHandleForReading.fileDescriptor), closesDescriptor: true)
        let lines = await Self.readAll(reader)
        #expect(lines.count == 10_003)
        #expect(lines[9_999] == .line("echo 10000"))
        #expect(lines[10_000] == .line(long))
        #expect(lines[10_001] == .line("end"))
    }
}
