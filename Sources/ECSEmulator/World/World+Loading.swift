import AliyunCore
public import Foundation

extension World {
    /// Loads and checks a world file's text (the format is in `share/ecsh/WORLD.md`).
    ///
    /// Every problem is a `WorldError` naming the entry, its id and the field; nothing in the text can
    /// make this crash.
    public static func load(from data: Data) throws(WorldError) -> World {
        // Strict JSON (RFC 8259), so that every world file also reads in other tools; Foundation's
        // decoder alone would let trailing commas and leading zeros through.
        if let failure = JSONSyntaxCheck.firstError(in: data) {
            throw WorldError(.malformedJSON, "not valid JSON at \(failure)")
        }
        let world: World
        do {
            world = try JSONDecoder().decode(World.self, from: data)
        } catch let error as DecodingError {
            throw WorldError(decoding: error, in: data)
        } catch {
            throw WorldError(.malformedJSON, "not valid JSON: \(error)")
        }
        try world.validate()
        return world
    }

    /// Loads and checks the world file at `path`; errors carry the path.
    public static func load(contentsOf path: String) throws(WorldError) -> World {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WorldError(.unreadable, "cannot read the world file (\(error.localizedDescription))", file: path)
        }
        do {
            return try load(from: data)
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }

    /// The member holding each list's ids, used to name entries in messages.
    static let idFields = [
        "Accounts": "AccessKeyId", "Regions": "RegionId", "Images": "ImageId", "Snapshots": "SnapshotId",
        "KeyPairs": "KeyPairName", "Instances": "InstanceId", "Disks": "DiskId",
    ]
}

extension WorldError {
    /// Turns the decoder's error into a sentence naming the entry (`Disks[3] (d-xyz)`) and the field.
    init(decoding error: DecodingError, in data: Data) {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // `load` has found no syntax error before decoding: what is left is the encoding.
            self.init(.malformedJSON, "not valid JSON (is it UTF-8 text?)")
        case .dataCorrupted(let context):
            let (entry, _) = Self.split(context.codingPath, in: data)
            self.init(.invalidValue, (entry.map { "\($0): " } ?? "") + context.debugDescription)
        case .keyNotFound(let key, let context):
            let (entry, field) = Self.split(context.codingPath, in: data)
            let place = [entry, field].compactMap { $0 }.joined(separator: ".")
            self.init(
                .missingField, (place.isEmpty ? "" : "\(place): ") + "missing required field \"\(key.stringValue)\"")
        case .valueNotFound(let type, let context), .typeMismatch(let type, let context):
            let (entry, field) = Self.split(context.codingPath, in: data)
            if let field {
                self.init(.invalidValue, (entry.map { "\($0): " } ?? "") + "\(field) must be \(Self.describe(type))")
            } else if let entry {
                self.init(.invalidValue, "\(entry) must be \(Self.describe(type))")
            } else {
                self.init(.invalidValue, "the world must be a JSON object with Accounts, Regions, Images, … at the top")
            }
        @unknown default:
            self.init(.invalidValue, "\(error)")
        }
    }

    /// Splits a decoder path into the entry (`Disks[3] (d-xyz)`, `Timing`) and the field within it
    /// (`Size`, `Zones[2]`); either may be absent.
    private static func split(_ path: [any CodingKey], in data: Data) -> (entry: String?, field: String?) {
        guard let list = path.first?.stringValue else { return (nil, nil) }
        guard path.count > 1, let index = path[1].intValue else {
            // A top-level member: a list itself (`Disks`) or an object such as `Timing`.
            if path.count == 1 { return World.idFields[list] == nil ? (list, nil) : (nil, list) }
            return (list, fieldName(path.dropFirst()))
        }
        var entry = "\(list)[\(index)]"
        if let idField = World.idFields[list], let json = try? JSONValue.parse(data),
            case .array(let entries)? = json[list], index < entries.count,
            let id = entries[index][idField]?.stringValue
        {
            entry += " (\(id))"
        }
        return (entry, path.count > 2 ? fieldName(path.dropFirst(2)) : nil)
    }

    /// `Zones[2]`, `Size`: a path inside an entry, with indexes attached to their field.
    private static func fieldName(_ path: some Collection<any CodingKey>) -> String {
        var name = ""
        for key in path {
            if let index = key.intValue {
                name += "[\(index)]"
            } else {
                name += name.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return name
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "\(type)".hasPrefix("Array") ? "a JSON array" : "a JSON object"
        }
    }
}
