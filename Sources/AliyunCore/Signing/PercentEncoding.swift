/// Percent-encodes as Alibaba Cloud's signatures require (RFC 3986): the UTF-8 bytes of
/// `A-Z a-z 0-9 - _ . ~` stay literal, every other byte becomes `%XY` in upper-case hex.
/// So a space is `%20` (never `+`), `*` is `%2A` and `~` stays `~`.
public func percentEncode(_ value: String) -> String {
    var encoded = [UInt8]()
    encoded.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
        if isUnreserved(byte) {
            encoded.append(byte)
        } else {
            encoded.append(UInt8(ascii: "%"))
            encoded.append(upperHexDigits[Int(byte >> 4)])
            encoded.append(upperHexDigits[Int(byte & 0x0F)])
        }
    }
    return String(decoding: encoded, as: UTF8.self)
}

/// The canonical query string both signature versions sign: every parameter (empty values kept),
/// sorted by name in byte order, each `percentEncode(name)=percentEncode(value)`, joined with `&`.
public func canonicalQueryString(_ parameters: [String: String]) -> String {
    parameters
        .map { (name: percentEncode($0.key), value: percentEncode($0.value)) }
        .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        .map { "\($0.name)=\($0.value)" }
        .joined(separator: "&")
}

private let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

private func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "~"):
        true
    default:
        false
    }
}
