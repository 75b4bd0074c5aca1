public import AliyunCore
import Foundation

/// Hands out one credential (or fails) and counts how often it was asked.
public final class CountingCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private let result: Result<Credential, any Error>

    public init(_ credential: Credential = Credential(accessKeyId: "testid", accessKeySecret: "testsecret")) {
        result = .success(credential)
    }

    public init(failingWith error: any Error) { result = .failure(error) }

    /// How many times `credential()` was called.
    public var count: Int { lock.withLock { calls } }

    public func credential() async throws -> Credential {
        lock.withLock { calls += 1 }
        return try result.get()
    }
}
