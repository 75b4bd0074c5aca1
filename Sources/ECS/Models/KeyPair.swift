public import AliyunCore

/// An SSH key pair as DescribeKeyPairs returns it, and the whole object in `raw`.
public struct KeyPair: Sendable, Equatable {
    public let keyPairName: String
    public let keyPairFingerPrint: String?
    /// The region it belongs to: the answer's own field when there is one, else the region asked about
    /// (DescribeKeyPairs lists one region's pairs without repeating it in each).
    public let regionId: String?
    /// The object as the API sent it, for a JSON output mode.
    public let raw: JSONValue

    public init(json: JSONValue, regionId: String? = nil) throws(ModelDecodingError) {
        let fields = try FieldReader(json, model: "KeyPair")
        keyPairName = try fields.string("KeyPairName")
        keyPairFingerPrint = try fields.optionalString("KeyPairFingerPrint")
        self.regionId = try fields.optionalString("RegionId") ?? regionId
        raw = json
    }
}
