/// The emulated account's resources: what the world file describes, plus what calls have changed.
public struct World: Sendable {
    public var accounts: [Account]

    public init(accounts: [Account] = []) {
        self.accounts = accounts
    }

    public func account(accessKeyId: String) -> Account? {
        accounts.first { $0.accessKeyId == accessKeyId }
    }
}
