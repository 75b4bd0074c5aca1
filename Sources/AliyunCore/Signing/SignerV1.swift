public import Foundation

/// Signature v1 (`HMAC-SHA1`, `SignatureVersion=1.0`), a pure value: the time and the nonce are inputs.
///
/// Stages as specified: canonical query → string to sign → signature.
public struct SignerV1: Sendable {
    public static let signatureMethod = "HMAC-SHA1"
    public static let signatureVersion = "1.0"

    public let credential: Credential

    public init(credential: Credential) {
        self.credential = credential
    }

    /// The API `parameters` plus the common ones (`Action`, `Version`, `Format`, `AccessKeyId`,
    /// `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`, `SecurityToken` for STS)
    /// and `Signature`: everything the request carries.
    public func sign(
        method: String, action: String, version: String, parameters: [String: String], format: String,
        timestamp: Date, nonce: String
    ) -> [String: String] {
        var signed = parameters
        signed["Action"] = action
        signed["Version"] = version
        signed["Format"] = format
        signed["AccessKeyId"] = credential.accessKeyId
        signed["SignatureMethod"] = Self.signatureMethod
        signed["SignatureVersion"] = Self.signatureVersion
        signed["SignatureNonce"] = nonce
        signed["Timestamp"] = Timestamp.format(timestamp)
        if let token = credential.securityToken {
            signed["SecurityToken"] = token
        }
        let stringToSign = Self.stringToSign(method: method, parameters: signed)
        signed["Signature"] = Self.signature(stringToSign: stringToSign, secret: credential.accessKeySecret)
        return signed
    }

    /// `METHOD&%2F&percentEncode(canonicalQuery)`, over every parameter but `Signature`.
    public static func stringToSign(method: String, parameters: [String: String]) -> String {
        var unsigned = parameters
        unsigned.removeValue(forKey: "Signature")
        return method.uppercased() + "&" + percentEncode("/") + "&" + percentEncode(canonicalQueryString(unsigned))
    }

    /// `base64(HMAC-SHA1(secret + "&", stringToSign))`.
    public static func signature(stringToSign: String, secret: String) -> String {
        Data(Digest.hmacSHA1(key: secret + "&", message: stringToSign)).base64EncodedString()
    }
}
