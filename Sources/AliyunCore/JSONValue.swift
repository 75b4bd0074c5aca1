public import Foundation

/// A decoded JSON document: what an RPC call returns and what the shell prints.
public enum JSONValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses JSON text; throws when it is not JSON.
    ///
    /// Goes through `JSONSerialization` rather than `JSONDecoder`: decoding an enum of unknown shape with
    /// `Decodable` means a failed attempt per type per value, which made response decoding the largest
    /// cost of a call (`make bench`).
    public static func parse(_ data: Data) throws -> JSONValue {
        JSONValue(foundation: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private static let booleanType = type(of: NSNumber(value: true))

    /// Converts what `JSONSerialization` produces; booleans are told from numbers by their boxed type.
    private init(foundation value: Any) {
        // Containers first: casting a Swift dictionary or array to NSNumber would bridge it to Objective-C.
        switch value {
        case let object as [String: Any]:
            self = .object(object.mapValues(JSONValue.init(foundation:)))
        case let array as [Any]:
            self = .array(array.map(JSONValue.init(foundation:)))
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            if type(of: number) == Self.booleanType {
                self = .bool(number.boolValue)
            } else if "fd".contains(String(cString: number.objCType)) {
                self = .double(number.doubleValue)
            } else if let integer = Int(exactly: number.int64Value), number.stringValue == String(integer) {
                self = .integer(integer)
            } else {
                self = .double(number.doubleValue)
            }
        default:
            self = .null
        }
    }

    /// Serialises with sorted keys; `pretty` indents for people, otherwise one line.
    public func serialized(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    public var description: String { serialized() }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string value, or `nil`.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
