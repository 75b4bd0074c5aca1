import AliyunCore

/// Reads the members of one JSON object of an answer, throwing `ModelDecodingError` that names the field.
///
/// Lenient where ECS answers vary: numbers and Booleans may arrive as strings (the XML-to-JSON answers of
/// some endpoints), and an empty string counts as absent for optional fields (ECS sends `"InstanceId": ""`
/// for a detached disk).
struct FieldReader {
    let model: String
    let members: [String: JSONValue]

    init(_ json: JSONValue, model: String) throws(ModelDecodingError) {
        guard case .object(let members) = json else {
            throw ModelDecodingError(model: model, field: "(the object)", problem: "is not a JSON object")
        }
        self.model = model
        self.members = members
    }

    /// A string that must be there and not be empty.
    func string(_ key: String) throws(ModelDecodingError) -> String {
        guard let value = members[key] else { throw missing(key) }
        guard case .string(let text) = value else { throw wrong(key, "is not a string") }
        guard !text.isEmpty else { throw wrong(key, "is empty") }
        return text
    }

    /// A string, `nil` when absent, null or empty.
    func optionalString(_ key: String) throws(ModelDecodingError) -> String? {
        switch members[key] {
        case nil, .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        default: throw wrong(key, "is not a string")
        }
    }

    /// A whole number that must be there.
    func integer(_ key: String) throws(ModelDecodingError) -> Int {
        guard let value = members[key] else { throw missing(key) }
        switch value {
        case .integer(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text): if let number = Int(text) { return number }
        default: break
        }
        throw wrong(key, "is not a whole number")
    }

    /// A whole number, `nil` when absent.
    func optionalInteger(_ key: String) throws(ModelDecodingError) -> Int? {
        members[key] == nil || members[key] == .null ? nil : try integer(key)
    }

    /// A Boolean, `nil` when absent; `"true"`/`"false"` in any case are accepted too.
    func optionalBool(_ key: String) throws(ModelDecodingError) -> Bool? {
        switch members[key] {
        case nil, .null: return nil
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default: throw wrong(key, "is not a Boolean")
        }
    }

    /// The items of a wrapped list, `{"Disks": {"Disk": [...]}}`; a single item not in an array is one item.
    func list(_ key: String, item: String) throws(ModelDecodingError) -> [JSONValue] {
        guard let wrapper = members[key] else { throw missing(key) }
        switch wrapper[item] {
        case .array(let items)?: return items
        case nil where wrapper == .object([:]): return []  // some answers drop the empty inner list
        case let single? where single != .null: return [single]
        default: throw wrong("\(key).\(item)", "is missing")
        }
    }

    private func missing(_ key: String) -> ModelDecodingError {
        ModelDecodingError(model: model, field: key, problem: "is missing")
    }

    private func wrong(_ key: String, _ problem: String) -> ModelDecodingError {
        ModelDecodingError(model: model, field: key, problem: problem)
    }
}
