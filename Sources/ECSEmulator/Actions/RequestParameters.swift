import AliyunCore
import Foundation

/// Typed access to an action's parameters, with the API's errors for values that do not parse.
///
/// An empty value counts as absent (the official SDKs leave unset parameters out, and an empty
/// `DiskId=` is as good as none).
struct RequestParameters {
    let values: [String: String]

    init(_ request: ActionRequest) { values = request.parameters }

    /// The value, or `nil` when it is absent or empty.
    func text(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// The value; `MissingParameter` when it is absent or empty.
    func required(_ name: String) throws(APIError) -> String {
        guard let value = text(name) else { throw ActionErrors.missingParameter(name) }
        return value
    }

    /// One of a closed set of names, in any case; `unknown` when it is none of them. With `allowingAll`,
    /// `All` (any case) means no filter, as DescribeDisks takes it.
    func value<Value: WorldEnumeration>(
        _ name: String, allowingAll: Bool = false, unknown: APIError
    ) throws(APIError) -> Value? {
        guard let value = text(name), !(allowingAll && value.lowercased() == "all") else { return nil }
        guard let named = Value.named(caseInsensitive: value) else { throw unknown }
        return named
    }

    /// A Boolean: `true` or `false` in any case (Python SDKs send `True`/`False`); `InvalidParameter` otherwise.
    func bool(_ name: String) throws(APIError) -> Bool? {
        guard let value = text(name) else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ActionErrors.invalidParameter(name)
        }
    }

    /// A whole number within `range`; `InvalidParameter` otherwise.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ActionErrors.invalidParameter(name)
        }
        return number
    }

    /// A list sent as a JSON array of strings (`["d-1","d-2"]`) of at most `limit` items.
    /// An empty array is a valid filter that matches nothing.
    func stringList(
        _ name: String, limit: Int, malformed: APIError, tooMany: APIError
    ) throws(APIError) -> [String]? {
        guard let value = text(name) else { return nil }
        guard case .array(let items)? = try? JSONValue.parse(Data(value.utf8)) else { throw malformed }
        var strings: [String] = []
        for item in items {
            guard let string = item.stringValue else { throw malformed }
            strings.append(string)
        }
        guard strings.count <= limit else { throw tooMany }
        return strings
    }

    /// The region a Describe call lists: `RegionId` is required and must be one of the world's.
    func region(in world: World) throws(APIError) -> Region {
        let regionId = try required("RegionId")
        guard let region = world.region(regionId) else { throw ActionErrors.regionNotFound }
        return region
    }

    /// A `ZoneId` filter: absent, or a zone of `region` (`InvalidZoneId.NotFound` otherwise).
    func zone(of region: Region) throws(APIError) -> String? {
        guard let zoneId = text("ZoneId") else { return nil }
        guard region.zones.contains(zoneId) else { throw ActionErrors.zoneNotFound }
        return zoneId
    }
}
