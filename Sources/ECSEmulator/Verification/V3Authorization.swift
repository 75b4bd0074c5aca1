import AliyunCore

/// The `Authorization` header of a v3 request:
/// `ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2;…>,Signature=<hex>`.
struct V3Authorization: Sendable, Equatable {
    var accessKeyId: String
    /// As received, in the order received: the canonical request is rebuilt from exactly this list.
    var signedHeaders: [String]
    var signature: String

    /// `nil` when the header is not one: another algorithm, a missing or empty part, an empty header name.
    init?(_ header: String) {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(SignerV3.algorithm + " ") else { return nil }
        var parts: [String: String] = [:]
        for field in text.dropFirst(SignerV3.algorithm.count + 1).split(separator: ",") {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return nil }
            parts[pair[0].trimmingCharacters(in: .whitespaces)] = pair[1].trimmingCharacters(in: .whitespaces)
        }
        guard let credential = parts["Credential"], !credential.isEmpty,
            let signed = parts["SignedHeaders"], !signed.isEmpty,
            let signature = parts["Signature"], !signature.isEmpty
        else { return nil }
        let names = signed.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !names.contains(where: \.isEmpty) else { return nil }
        accessKeyId = credential
        signedHeaders = names
        self.signature = signature
    }
}
