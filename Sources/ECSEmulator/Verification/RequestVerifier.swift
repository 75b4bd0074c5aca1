import AliyunCore
import ECS
import Foundation

/// A request whose signature, key, token and timestamp have been checked: what remains is the nonce.
struct VerifiedCall: Sendable {
    var action: String
    /// API parameters only: the common ones are removed.
    var parameters: [String: String]
    var account: Account
    var nonce: String
    var timestamp: Date
}

/// Checks a request as the API gateway in front of ECS does, v1 (`HMAC-SHA1` in the query) or v3
/// (`ACS3-HMAC-SHA256` in `Authorization`). Pure: the accounts and the time are inputs; the nonce is
/// checked by the caller, under the same lock as the world.
///
/// Order of checks (the first failure answers): `Format`; the common parameters (v1) or the
/// `Authorization` header and the `x-acs-*` headers (v3); the signature method; `Version`; `Action`;
/// the AccessKeyId; the timestamp; the signature; the security token.
struct RequestVerifier: Sendable {
    /// The only API version the emulator answers.
    static let apiVersion = ECSAPI.version
    static let timestampWindow: TimeInterval = NonceStore.window

    /// Parameters that belong to the signature or the gateway, never passed to an action.
    static let commonParameters: Set<String> = [
        "AccessKeyId", "Action", "Format", "SecurityToken", "Signature", "SignatureMethod", "SignatureNonce",
        "SignatureType", "SignatureVersion", "Timestamp", "Version",
    ]

    /// The actions answered.
    var actions: Set<String>

    func verify(_ request: IncomingRequest, accounts: [Account], now: Date) throws(APIError) -> VerifiedCall {
        if let format = request.parameters["Format"], ResponseFormat(parameter: format) == nil {
            throw .invalidFormat
        }
        switch request.signatureVersion {
        case .v1: return try verifyV1(request, accounts: accounts, now: now)
        case .v3: return try verifyV3(request, accounts: accounts, now: now)
        }
    }

    private func verifyV1(_ request: IncomingRequest, accounts: [Account], now: Date) throws(APIError) -> VerifiedCall {
        let parameters = request.parameters
        func required(_ name: String) throws(APIError) -> String {
            guard let value = parameters[name], !value.isEmpty else { throw .missing(name) }
            return value
        }
        let action = try required("Action")
        let version = try required("Version")
        let accessKeyId = try required("AccessKeyId")
        let signature = try required("Signature")
        let method = try required("SignatureMethod")
        let signatureVersion = try required("SignatureVersion")
        let nonce = try required("SignatureNonce")
        let timestampText = try required("Timestamp")

        guard method == SignerV1.signatureMethod, signatureVersion == SignerV1.signatureVersion else {
            throw .invalidSignatureMethod
        }
        try checkAPI(action: action, version: version)
        let account = try findAccount(accessKeyId, in: accounts)
        let timestamp = try checkTimestamp(timestampText, now: now)

        let stringToSign = SignerV1.stringToSign(method: request.method, parameters: parameters)
        let expected = SignerV1.signature(stringToSign: stringToSign, secret: account.accessKeySecret)
        guard constantTimeEqual(expected, signature) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign)
        }
        try checkSecurityToken(parameters["SecurityToken"], of: account, accounts: accounts)
        return VerifiedCall(
            action: action, parameters: parameters.filter { !Self.commonParameters.contains($0.key) },
            account: account, nonce: nonce, timestamp: timestamp)
    }

    private func verifyV3(_ request: IncomingRequest, accounts: [Account], now: Date) throws(APIError) -> VerifiedCall {
        let headers = request.headers
        guard let authorization = V3Authorization(headers["authorization"] ?? "") else {
            throw .incompleteSignature
        }
        func required(_ header: String, as name: String) throws(APIError) -> String {
            guard let value = headers[header]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw .missing(name, sentAs: header)
            }
            return value
        }
        let action = try required("x-acs-action", as: "Action")
        let version = try required("x-acs-version", as: "Version")
        let timestampText = try required("x-acs-date", as: "Timestamp")
        let nonce = try required("x-acs-signature-nonce", as: "SignatureNonce")
        guard let contentHash = headers["x-acs-content-sha256"]?.trimmingCharacters(in: .whitespaces),
            !contentHash.isEmpty
        else { throw .incompleteSignature }

        // The headers that say what is called, when and by whom must be covered by the signature.
        var mustBeSigned = [
            "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256",
        ]
        if headers["x-acs-security-token"] != nil {
            mustBeSigned.append("x-acs-security-token")
        }
        guard mustBeSigned.allSatisfy(authorization.signedHeaders.contains) else { throw .incompleteSignature }

        let bodyHash = Digest.hex(Digest.sha256(request.body))
        guard contentHash.lowercased() == bodyHash else { throw .contentSHA256NotMatched }

        try checkAPI(action: action, version: version)
        let account = try findAccount(authorization.accessKeyId, in: accounts)
        let timestamp = try checkTimestamp(timestampText, now: now)

        let canonicalRequest = SignerV3.canonicalRequest(
            method: request.method, path: "/", canonicalQuery: canonicalQueryString(request.query), headers: headers,
            signedHeaders: authorization.signedHeaders, hashedPayload: contentHash)
        let stringToSign = SignerV3.stringToSign(canonicalRequest: canonicalRequest)
        let expected = SignerV3.signature(stringToSign: stringToSign, secret: account.accessKeySecret)
        guard constantTimeEqual(expected, authorization.signature.lowercased()) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign)
        }
        try checkSecurityToken(headers["x-acs-security-token"], of: account, accounts: accounts)
        return VerifiedCall(
            action: action, parameters: request.parameters.filter { !Self.commonParameters.contains($0.key) },
            account: account, nonce: nonce, timestamp: timestamp)
    }

    private func checkAPI(action: String, version: String) throws(APIError) {
        guard version == Self.apiVersion else { throw .invalidVersion }
        guard actions.contains(action) else { throw .actionNotFound }
    }

    private func findAccount(_ accessKeyId: String, in accounts: [Account]) throws(APIError) -> Account {
        guard let account = accounts.first(where: { $0.accessKeyId == accessKeyId }) else {
            throw .accessKeyNotFound
        }
        return account
    }

    /// Parses `text` and requires it within 15 minutes of `now`, either way; exactly 15 minutes passes.
    private func checkTimestamp(_ text: String, now: Date) throws(APIError) -> Date {
        guard let timestamp = Timestamp.parse(text) else { throw .timestampMalformed }
        guard abs(now.timeIntervalSince(timestamp)) <= Self.timestampWindow else { throw .timestampExpired }
        return timestamp
    }

    /// A temporary key (an account with a token) needs its own token; a token that belongs to another
    /// account is a mismatch, one that belongs to none is malformed (as an undecodable token is).
    private func checkSecurityToken(_ sent: String?, of account: Account, accounts: [Account]) throws(APIError) {
        let sent = sent.flatMap { $0.isEmpty ? nil : $0 }
        switch (account.securityToken, sent) {
        case (nil, nil):
            return
        case (.some, nil):
            throw .missingSecurityToken
        case (let expected, let sent?):
            if sent == expected { return }
            throw accounts.contains { $0.securityToken == sent } ? .securityTokenMismatch : .securityTokenMalformed
        }
    }
}

/// Compares two signatures in time independent of where they differ.
func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices {
        difference |= left[index] ^ right[index]
    }
    return difference == 0
}
