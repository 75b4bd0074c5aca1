import AliyunCore
public import Foundation

/// The UTC times of the world file and the API: `2024-01-01T08:30:00Z` (ECS also writes `2024-01-01T08:30Z`).
public enum UTCTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Parses `yyyy-MM-ddTHH:mm[:ss[.fff]]Z`; `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }
        func literal(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), literal("-"), let month = number(2), literal("-"), let day = number(2),
            literal("T"), let hour = number(2), literal(":"), let minute = number(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if literal(":") {
            guard let value = number(2) else { return nil }
            second = value
            if literal(".") {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index > start, let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
                else { return nil }
                fraction = value
            }
        }
        guard literal("Z"), index == bytes.count, (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day  // rejects 2024-02-30
        else { return nil }
        return date + fraction
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, as DescribeDisks writes times.
    public static func format(_ date: Date) -> String {
        Timestamp.format(date)
    }

    /// `yyyy-MM-ddTHH:mmZ`, as DescribeInstances writes times.
    public static func formatMinutes(_ date: Date) -> String {
        String(format(date).dropLast(4)) + "Z"
    }
}
