import Foundation

/// Finds where a text stops being JSON (RFC 8259), for an error message a person can act on.
///
/// Foundation's decoder only says "The given data was not valid JSON"; this scanner names the line,
/// the column and what was expected. It builds no values and uses no recursion, so any input is safe.
struct JSONSyntaxCheck {
    struct Failure: Sendable, Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var problem: String
        var description: String { "line \(line), column \(column): \(problem)" }
    }

    private enum Container { case object, array }

    /// Foundation's decoder gives up past this depth; so does the check, with a clearer message.
    static let maximumDepth = 512
    private static let tooDeep = "arrays and objects nested more than \(maximumDepth) deep"

    private let bytes: [UInt8]
    private var index = 0

    private init(_ data: Data) { bytes = Array(data) }

    /// The first syntax error in `data`, or `nil` when it is well-formed JSON.
    static func firstError(in data: Data) -> Failure? {
        var scanner = JSONSyntaxCheck(data)
        return scanner.scan()
    }

    private mutating func scan() -> Failure? {
        var stack: [Container] = []
        skipWhitespace()
        while true {
            // A value starts here.
            guard let byte = peek() else { return fail("expected a value, found the end of the text") }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "["), stack.count >= Self.maximumDepth {
                return fail(Self.tooDeep)
            }
            switch byte {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                } else {
                    stack.append(.object)
                    if let failure = scanMemberName() { return failure }
                    continue
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                } else {
                    stack.append(.array)
                    continue
                }
            case UInt8(ascii: "\""):
                if let failure = scanString() { return failure }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let failure = scanNumber() { return failure }
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                if let failure = scanLiteral() { return failure }
            default:
                return fail("expected a value (an object, array, string, number, true, false or null)")
            }
            // After a value: close containers, or go on to the next element.
            while true {
                skipWhitespace()
                guard let container = stack.last else {
                    return peek() == nil ? nil : fail("unexpected text after the end of the JSON value")
                }
                let close = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let expected =
                    container == .object ? "',' or '}' after an object member" : "',' or ']' after an array element"
                guard let byte = peek() else { return fail("expected \(expected), found the end of the text") }
                if byte == close {
                    index += 1
                    stack.removeLast()
                    continue
                }
                guard byte == UInt8(ascii: ",") else { return fail("expected \(expected)") }
                index += 1
                skipWhitespace()
                if container == .object, let failure = scanMemberName() { return failure }
                break
            }
        }
    }

    /// `"name" :` at the start of an object member, leaving the index at the value.
    private mutating func scanMemberName() -> Failure? {
        guard peek() == UInt8(ascii: "\"") else { return fail("expected a member name in double quotes") }
        if let failure = scanString() { return failure }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return fail("expected ':' after the member name") }
        index += 1
        skipWhitespace()
        return nil
    }

    private mutating func scanString() -> Failure? {
        let start = index
        index += 1
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return nil
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = peek() else { break }
                if Array("\"\\/bfnrt".utf8).contains(escaped) {
                    index += 1
                } else if escaped == UInt8(ascii: "u") {
                    index += 1
                    for _ in 0..<4 {
                        guard let digit = peek(), isHexDigit(digit) else {
                            return fail("\\u must be followed by four hexadecimal digits")
                        }
                        index += 1
                    }
                } else {
                    index -= 1
                    return fail("invalid escape sequence in a string")
                }
            case 0..<0x20:
                return fail("control character in a string (write it as an escape such as \\n)")
            default:
                index += 1
            }
        }
        index = start
        return fail("unterminated string")
    }

    private mutating func scanNumber() -> Failure? {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            index = start
            return fail("invalid number")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return fail("expected digits after the decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return fail("expected digits in the exponent") }
        }
        return nil
    }

    private mutating func scanLiteral() -> Failure? {
        for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
            let end = index + word.utf8.count
            if end < bytes.count, isLetter(bytes[end]) { break }
            index = end
            return nil
        }
        return fail("expected a value (true, false and null are lower case; strings need double quotes)")
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// A failure at the current index; columns count characters, not bytes.
    private func fail(_ problem: String) -> Failure {
        let position = min(index, bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[..<position] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Failure(line: line, column: column, problem: problem)
    }
}
