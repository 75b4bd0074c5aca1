/// An instance password on its way to ReInitDisk.
///
/// Printing, interpolating, debugging and dumping it all show `<password>`: the secret only comes out
/// through `reveal()`, which the request calls when it builds the wire parameters.
public struct Password: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let secret: String

    public init(_ secret: String) {
        self.secret = secret
    }

    /// The secret itself, for the wire and nothing else.
    public func reveal() -> String { secret }

    /// What is wrong with it under the password rule, or `nil`.
    public func problem(windows: Bool = false) -> PasswordRule.Problem? {
        PasswordRule.problem(with: secret, windows: windows)
    }

    public var description: String { "<password>" }
    public var debugDescription: String { "<password>" }
    /// No children, so `dump` and debuggers show the description and not the stored secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
