import Foundation

/// How a response body looks, for decoding and for messages about bodies that cannot be read.
enum ResponseBody {
    /// How much of an unreadable body a message quotes.
    static let snippetLength = 80

    /// The first byte that is not whitespace or a UTF-8 byte order mark, or `nil` for a blank body.
    static func firstSignificantByte(of body: Data) -> UInt8? {
        var bytes = body[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    }

    /// The start of `body` on one line: control characters and runs of white space become one space,
    /// invalid UTF-8 becomes U+FFFD, and a cut is marked with `…`.
    static func snippet(_ body: Data, limit: Int = snippetLength) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        var line = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
            {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace {
                line.unicodeScalars.append(" ")
                pendingSpace = false
            }
            line.unicodeScalars.append(scalar)
        }
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// Why a body cannot be read as a result (`success`) or as a service error: the phrase that follows
    /// "HTTP 502 from host with …", e.g. `a non-JSON body (text/html): <html>…`.
    static func unreadableReason(body: Data, contentType: String?, success: Bool) -> String {
        let type = contentType.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let label = type ?? "no content type"
        guard let first = firstSignificantByte(of: body) else {
            return "an empty body" + (type.map { " (\($0))" } ?? "")
        }
        let quoted = snippet(body)
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            if (try? JSONValue.parse(body)) == nil {
                return "a truncated or malformed JSON body (\(label)): \(quoted)"
            }
            if !success {
                return "a JSON body that is not a service error (\(label)): \(quoted)"
            }
        }
        return "a non-JSON body (\(label)): \(quoted)"
    }
}
