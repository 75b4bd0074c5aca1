/// The errors the API gateway in front of ECS answers before an action runs: missing common parameters,
/// authentication, timestamps, nonces, unknown actions.
///
/// Codes and messages are the gateway's own, as the official SDKs and Alibaba's error centre show them:
/// a missing common parameter is `Missing{Name}` / `{Name} is mandatory for this action.` (as in
/// `MissingSecurityToken`, `MissingSignature`), not the `MissingParameter` that actions answer for their
/// own parameters. Where the gateway's answer is not on record the choice is noted on the member.
extension APIError {
    /// A common parameter (or its v3 header) is absent or empty. `name` is the parameter
    /// (`Timestamp`); `sentAs` is what the client should send (`x-acs-date` for v3), named in the message.
    static func missing(_ name: String, sentAs: String? = nil) -> APIError {
        APIError(code: "Missing\(name)", message: "\(sentAs ?? name) is mandatory for this action.", httpStatus: 400)
    }

    /// `Format` other than JSON or XML.
    static let invalidFormat = APIError(
        code: "InvalidParameter.Format", message: "Specified parameter Format is not valid.", httpStatus: 400)

    /// `SignatureMethod` other than `HMAC-SHA1`, or `SignatureVersion` other than `1.0`.
    static let invalidSignatureMethod = APIError(
        code: "InvalidSignatureMethod", message: "Specified signature method is not supported.", httpStatus: 400)

    /// `Version` other than `2014-05-26`.
    static let invalidVersion = APIError(
        code: "InvalidVersion", message: "Specified parameter Version is not valid.", httpStatus: 400)

    /// An `Action` the emulator does not answer; also a path other than `/` (the message asks to check the URL).
    static let actionNotFound = APIError(
        code: "InvalidAction.NotFound", message: "Specified api is not found, please check your url and method.",
        httpStatus: 404)

    /// An HTTP method other than GET and POST: RPC-style APIs take no other.
    static let unsupportedHTTPMethod = APIError(
        code: "UnsupportedHTTPMethod", message: "Specified http method is not supported.", httpStatus: 400)

    /// A query or form body that is not valid percent-encoding. The gateway's answer is not on record;
    /// the offending text is not echoed, since it may hold a password.
    static let malformedEncoding = APIError(
        code: "InvalidParameter", message: "The request query or body is not valid percent-encoding.", httpStatus: 400)

    static let accessKeyNotFound = APIError(
        code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found.", httpStatus: 404)

    /// A v3 `Authorization` header that cannot be read, or that leaves a required `x-acs-*` header unsigned.
    static let incompleteSignature = APIError(
        code: "IncompleteSignature", message: "The request signature does not conform to Aliyun standards.",
        httpStatus: 400)

    /// The signature differs from the server's. The message ends with the server's string to sign, which the
    /// old Python SDK splits on `:` to tell a wrong secret from a signing bug.
    static func signatureDoesNotMatch(stringToSign: String) -> APIError {
        APIError(
            code: "SignatureDoesNotMatch",
            message:
                "Specified signature is not matched with our calculation. server string to sign is:\(stringToSign)",
            httpStatus: 400)
    }

    /// `x-acs-content-sha256` is not the hash of the body received. The gateway's answer is not on record.
    static let contentSHA256NotMatched = APIError(
        code: "ContentSHA256NotMatched", message: "Specified content sha256 is not matched with your request body.",
        httpStatus: 400)

    static let timestampMalformed = APIError(
        code: "InvalidTimeStamp.Format", message: "Specified time stamp or date value is not well formatted.",
        httpStatus: 400)

    static let timestampExpired = APIError(
        code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired.", httpStatus: 400)

    static let nonceUsed = APIError(
        code: "SignatureNonceUsed", message: "Specified signature nonce was used already.", httpStatus: 400)

    /// The key is temporary (the account has a token) and no token came.
    static let missingSecurityToken = APIError.missing("SecurityToken")

    /// A token that is no account's token.
    static let securityTokenMalformed = APIError(
        code: "InvalidSecurityToken.Malformed", message: "Specified SecurityToken is malformed.", httpStatus: 400)

    /// Another account's token.
    static let securityTokenMismatch = APIError(
        code: "InvalidSecurityToken.MismatchWithAccessKey",
        message: "Specified SecurityToken mismatch with the AccessKey.", httpStatus: 400)
}
