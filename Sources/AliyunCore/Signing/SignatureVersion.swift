/// The two ways an RPC request is signed.
public enum SignatureVersion: String, Sendable, CaseIterable {
    /// `SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`: everything in the query.
    case v1
    /// `ACS3-HMAC-SHA256`: the current SDKs' default; the signature travels in `Authorization`.
    case v3
}
