public import Foundation

/// The UTC timestamps both signatures carry: `yyyy-MM-ddTHH:mm:ssZ`.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// Parses a timestamp as sent by a client; `nil` when it is not one.
    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
