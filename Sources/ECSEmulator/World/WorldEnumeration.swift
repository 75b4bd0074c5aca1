/// A closed set of names in the world file (a disk status, an OS type, …).
///
/// Decoding an unknown name fails with a message that lists the names allowed, e.g.
/// `Status "Broken" is not one of In_use, Available, ReIniting, Attaching, Detaching, Creating`.
public protocol WorldEnumeration: RawRepresentable, CaseIterable, Codable, Sendable, Hashable
where RawValue == String {}

extension WorldEnumeration {
    /// The names allowed, in declaration order, comma separated.
    public static var allowedNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The case named `name`, compared without regard to case; `nil` if there is none.
    public static func named(caseInsensitive name: String) -> Self? {
        let wanted = name.lowercased()
        return allCases.first { $0.rawValue.lowercased() == wanted }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = Self(rawValue: name) else {
            let field = decoder.codingPath.last?.stringValue ?? "value"
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(field) \"\(name)\" is not one of \(Self.allowedNames)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
