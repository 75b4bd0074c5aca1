public import AliyunCore

/// A region as DescribeRegions returns it, and the whole object in `raw`.
public struct Region: Sendable, Equatable {
    public let regionId: String
    /// The region's name in the language asked for, e.g. `华东1（杭州）`; the id when the API gave none.
    public let localName: String
    public let regionEndpoint: String?
    /// The object as the API sent it, for a JSON output mode.
    public let raw: JSONValue

    public init(json: JSONValue) throws(ModelDecodingError) {
        let fields = try FieldReader(json, model: "Region")
        regionId = try fields.string("RegionId")
        localName = try fields.optionalString("LocalName") ?? regionId
        regionEndpoint = try fields.optionalString("RegionEndpoint")
        raw = json
    }
}
