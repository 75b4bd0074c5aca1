import Foundation

/// Decoding helpers shared by the world's entries: defaults for optional fields and UTC times.
extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the field is absent or `null`.
    func decode<T: Decodable>(_ key: Key, default fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }

    /// A text field; absent, `null` and `""` all mean "none".
    func decodeText(_ key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        return text
    }

    /// A UTC time such as `2013-07-15T00:00:00Z`.
    func decodeTime(_ key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = UTCTime.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(key.stringValue) \"\(text)\" is not a UTC time such as 2013-07-15T00:00:00Z")
        }
        return date
    }

    /// A UTC time, or `nil` when the field is absent, `null` or `""`.
    func decodeTimeIfPresent(_ key: Key) throws -> Date? {
        guard try decodeText(key) != nil else { return nil }
        return try decodeTime(key)
    }
}

extension KeyedEncodingContainer {
    /// Writes a UTC time when there is one.
    mutating func encodeTime(_ date: Date?, forKey key: Key) throws {
        guard let date else { return }
        try encode(UTCTime.format(date), forKey: key)
    }
}
