import Foundation

/// Hides secrets in what ecsh prints about requests: debug logs and error messages.
///
/// Parameter names are compared after percent-decoding and ignoring case, so `password=`, `PASSWORD=`
/// and `Pass%77ord=` are all caught; when in doubt, a value is hidden rather than shown.
public enum Redactor {
    /// What a hidden value is replaced with.
    public static let mask = "***"

    /// Query and form parameters whose values are secret (lower case).
    public static let sensitiveParameters: Set<String> = ["password", "signature", "accesskeysecret", "securitytoken"]

    /// Headers whose values are secret (lower case).
    public static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-acs-security-token", "x-acs-bearer-token",
    ]

    /// Whether a parameter named `name` (as written on the wire, possibly percent-encoded) is secret.
    public static func isSensitive(parameter name: String) -> Bool {
        let decoded = lenientFormDecode(name).unicodeScalars.filter {
            !($0.properties.isWhitespace || $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format)
        }
        return sensitiveParameters.contains(String(String.UnicodeScalarView(decoded)).lowercased())
    }

    /// `url` with the values of secret query parameters, and any password in its user info, masked.
    public static func redact(url: String) -> String {
        var base = Substring(url)
        var fragment: Substring?
        if let hash = base.firstIndex(of: "#") {
            fragment = base[base.index(after: hash)...]
            base = base[..<hash]
        }
        var query: Substring?
        if let mark = base.firstIndex(of: "?") {
            query = base[base.index(after: mark)...]
            base = base[..<mark]
        }
        var result = redactUserInfo(String(base))
        if let query { result += "?" + redact(query: String(query)) }
        if let fragment { result += "#" + redact(query: String(fragment)) }
        return result
    }

    /// A query string or `application/x-www-form-urlencoded` body with the values of secret parameters masked.
    public static func redact(query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            return isSensitive(parameter: String(name)) ? name + "=" + mask : String(pair)
        }.joined(separator: "&")
    }

    /// API parameters (not yet encoded) with the values of secret ones replaced by `mask`.
    public static func redact(parameters: [String: String], mask: String = mask) -> [String: String] {
        parameters.reduce(into: [:]) { result, item in
            result[item.key] = isSensitive(parameter: item.key) ? mask : item.value
        }
    }

    /// Headers with the values of secret ones masked; names compared ignoring case and surrounding blanks.
    public static func redact(headers: [String: String]) -> [String: String] {
        headers.reduce(into: [:]) { result, item in
            let name = item.key.trimmingCharacters(in: .whitespaces).lowercased()
            result[item.key] = sensitiveHeaders.contains(name) ? mask : item.value
        }
    }

    /// `text` with every occurrence of each secret masked, also in the encodings a server may echo it in:
    /// percent-encoded once or twice (a v1 string to sign), form-encoded, and JSON-escaped.
    public static func scrub(_ text: String, secrets: some Sequence<String>) -> String {
        var variants: Set<String> = []
        for secret in secrets where !secret.isEmpty {
            let once = percentEncode(secret)
            variants.formUnion([
                secret, once, percentEncode(once), once.replacingOccurrences(of: "%20", with: "+"),
                jsonEscaped(secret),
            ])
        }
        var result = text
        for variant in variants.sorted(by: { $0.count > $1.count }) where !variant.isEmpty {
            result = result.replacingOccurrences(of: variant, with: mask)
        }
        return result
    }

    /// `scheme://user:secret@host` → `scheme://user:***@host`.
    private static func redactUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(of: "/") ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@"),
            let colon = url[authorityStart..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<url.index(after: colon)]) + mask + String(url[at...])
    }

    /// Percent-decoding with `+` as a space; unlike `formDecode`, malformed escapes are kept as they are
    /// rather than refused, because a log must mask even a request the server would reject.
    private static func lenientFormDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), input.count >= 2,
                let high = hexValue(input[input.startIndex]), let low = hexValue(input[input.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The secret as it appears inside a JSON string.
    private static func jsonEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "/", with: "\\/")
    }
}
