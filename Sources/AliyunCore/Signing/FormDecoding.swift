/// Splits a query string or `application/x-www-form-urlencoded` body into name/value pairs.
///
/// Form semantics, as the official Tea SDK encodes: `+` is a space, `%XY` a byte. Percent-escapes
/// that are incomplete, not hex, or decode to invalid UTF-8 are an error, never guessed at.
public func formDecode(_ text: String) throws(FormDecodingError) -> [(name: String, value: String)] {
    guard !text.isEmpty else { return [] }
    var pairs: [(name: String, value: String)] = []
    for field in text.split(separator: "&", omittingEmptySubsequences: true) {
        let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = try formDecodeComponent(parts[0])
        let value = parts.count > 1 ? try formDecodeComponent(parts[1]) : ""
        pairs.append((name, value))
    }
    return pairs
}

/// A query or form body whose percent-encoding is malformed.
public struct FormDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending component, as received.
    public var component: String

    public var description: String { "malformed percent-encoding in \"\(component)\"" }
}

private func formDecodeComponent(_ component: Substring) throws(FormDecodingError) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(component.utf8.count)
    var iterator = component.utf8.makeIterator()
    while let byte = iterator.next() {
        switch byte {
        case UInt8(ascii: "+"):
            bytes.append(UInt8(ascii: " "))
        case UInt8(ascii: "%"):
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw FormDecodingError(component: String(component))
            }
            bytes.append(high << 4 | low)
        default:
            bytes.append(byte)
        }
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
        throw FormDecodingError(component: String(component))
    }
    return decoded
}

/// The value of one hexadecimal digit, either case.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
}
