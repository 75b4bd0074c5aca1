/// Printing a credential (in a debug log, `show session`, a failed test's `#expect`) shows the key id and
/// whether a token is present, never the secret or the token: `print`, `String(reflecting:)` and `dump`
/// all go through these.
extension Credential: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var text = "Credential(accessKeyId: \(accessKeyId), accessKeySecret: <redacted>"
        if securityToken != nil { text += ", securityToken: <redacted>" }
        if let expiration { text += ", expiration: \(expiration)" }
        return text + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId,
                "accessKeySecret": "<redacted>",
                "securityToken": securityToken.map { _ in "<redacted>" } as Any,
                "expiration": expiration as Any,
            ])
    }
}
