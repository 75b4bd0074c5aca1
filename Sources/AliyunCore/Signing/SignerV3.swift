public import Foundation

/// Signature v3 (`ACS3-HMAC-SHA256`), a pure value: the date and the nonce are inputs.
///
/// Stages as specified: canonical request → string to sign → signature → `Authorization` header.
public struct SignerV3: Sendable {
    public static let algorithm = "ACS3-HMAC-SHA256"

    public let credential: Credential

    public init(credential: Credential) {
        self.credential = credential
    }

    /// The headers to send: the given `headers`, `host`, the `x-acs-*` headers and `Authorization`.
    /// Signed are `host`, `content-type` when present, and every `x-acs-*` header.
    public func sign(
        method: String, host: String, action: String, version: String, query: [String: String], body: Data,
        headers: [String: String] = [:], date: Date, nonce: String
    ) -> [String: String] {
        var all = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        all.removeValue(forKey: "authorization")
        all["host"] = host
        all["x-acs-action"] = action
        all["x-acs-version"] = version
        all["x-acs-date"] = Timestamp.format(date)
        all["x-acs-signature-nonce"] = nonce
        all["x-acs-content-sha256"] = Digest.hex(Digest.sha256(body))
        if let token = credential.securityToken {
            all["x-acs-security-token"] = token
        }
        let signedHeaders = all.keys
            .filter { $0 == "host" || $0 == "content-type" || $0.hasPrefix("x-acs-") }
            .sorted()
        let canonical = Self.canonicalRequest(
            method: method, canonicalQuery: canonicalQueryString(query), headers: all, signedHeaders: signedHeaders,
            hashedPayload: all["x-acs-content-sha256"]!)
        let signature = Self.signature(
            stringToSign: Self.stringToSign(canonicalRequest: canonical), secret: credential.accessKeySecret)
        all["authorization"] =
            "\(Self.algorithm) Credential=\(credential.accessKeyId),"
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")),Signature=\(signature)"
        return all
    }

    /// `METHOD\n/\nquery\n` + one `name:trimmed value\n` per signed header + `\nSignedHeaders\nhash`.
    /// `headers` must have lower-case names; `signedHeaders` are lower-case and sorted.
    public static func canonicalRequest(
        method: String, path: String = "/", canonicalQuery: String, headers: [String: String],
        signedHeaders: [String], hashedPayload: String
    ) -> String {
        var lines = [method.uppercased(), path, canonicalQuery]
        for name in signedHeaders {
            lines.append(name + ":" + (headers[name] ?? "").trimmingCharacters(in: .whitespaces))
        }
        lines.append("")
        lines.append(signedHeaders.joined(separator: ";"))
        lines.append(hashedPayload)
        return lines.joined(separator: "\n")
    }

    /// `ACS3-HMAC-SHA256\nhex(SHA-256(canonicalRequest))`.
    public static func stringToSign(canonicalRequest: String) -> String {
        algorithm + "\n" + Digest.hex(Digest.sha256(Data(canonicalRequest.utf8)))
    }

    /// `hex(HMAC-SHA256(secret, stringToSign))`: the secret is the key as is, with no `&`.
    public static func signature(stringToSign: String, secret: String) -> String {
        Digest.hex(Digest.hmacSHA256(key: secret, message: stringToSign))
    }
}
