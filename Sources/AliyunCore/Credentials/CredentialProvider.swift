/// Produces the credential for the next request. Providers that hold temporary keys refresh them here.
public protocol CredentialProvider: Sendable {
    func credential() async throws -> Credential
}
