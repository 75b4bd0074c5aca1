extension ReInitDiskRequest {
    /// What the client refuses to send, found before any call is made.
    public enum ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
        case emptyDiskId
        /// A disk id that is not `d-` followed by letters and digits.
        case malformedDiskId(String)
        /// The password breaks the rule; the problem says how, without the password.
        case password(PasswordRule.Problem)
        case emptyKeyPairName

        public var description: String { description(language: .en) }

        /// One line naming what is wrong and what is accepted.
        public func description(language: Language) -> String {
            switch (self, language) {
            case (.emptyDiskId, .en):
                "the disk id is empty: give one such as d-bp1oksystem000001 (see `disks`)"
            case (.emptyDiskId, .zh):
                "云盘 ID 为空：请给出形如 d-bp1oksystem000001 的 ID（见 `disks`）"
            case (.malformedDiskId(let id), .en):
                "\"\(id)\" is not a disk id: a disk id is d- followed by letters and digits, such as d-bp1oksystem000001"
            case (.malformedDiskId(let id), .zh):
                "“\(id)”不是云盘 ID：云盘 ID 以 d- 开头，后接字母和数字，例如 d-bp1oksystem000001"
            case (.password(let problem), .en):
                "the password is not valid: \(problem.description(language: .en))"
            case (.password(let problem), .zh):
                "密码不合法：\(problem.description(language: .zh))"
            case (.emptyKeyPairName, .en):
                "the key pair name is empty: give one of the region's key pairs (see `keypairs`) or none"
            case (.emptyKeyPairName, .zh):
                "密钥对名称为空：请给出该地域的一个密钥对（见 `keypairs`），或不指定"
            }
        }
    }
}
