extension ReInitDiskRequest {
    /// The checks the client can make alone, so a bad request fails before anything is sent: a well-formed
    /// disk id, a non-empty key pair name and a password that keeps the rule. A password and a key pair
    /// may go together (the API document's own example sends both).
    ///
    /// - Parameter windows: whether the disk's instance runs Windows (no leading `/` in its password);
    ///   when unknown, leave it `false` and the service has the last word.
    public func validate(windows: Bool = false) throws(ValidationError) {
        guard !diskId.isEmpty else { throw .emptyDiskId }
        guard Self.isWellFormedDiskId(diskId) else { throw .malformedDiskId(diskId) }
        if let keyPairName, keyPairName.isEmpty { throw .emptyKeyPairName }
        if let problem = password?.problem(windows: windows) { throw .password(problem) }
    }

    /// `d-` then ASCII letters and digits, as ECS disk ids are (`d-bp1oksystem000001`, `d-diskid1`).
    public static func isWellFormedDiskId(_ id: String) -> Bool {
        guard id.hasPrefix("d-") else { return false }
        let rest = id.dropFirst(2)
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
