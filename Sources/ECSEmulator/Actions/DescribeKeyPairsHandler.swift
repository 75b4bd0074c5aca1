public import AliyunCore

/// DescribeKeyPairs (ECS API 2014-05-26): the SSH key pairs of a region, filtered and paged.
///
/// Parameters: `RegionId` (required); filters `KeyPairName` (`*` matches any run of characters) and
/// `KeyPairFingerPrint`; `PageNumber` (from 1, default 1), `PageSize` (1 to 50, default 10).
///
/// Errors: `MissingParameter` (400) without `RegionId`; `InvalidRegionId.NotFound` (404);
/// `InvalidParameter` (400) for paging out of range.
///
/// Response: `{"TotalCount", "PageNumber", "PageSize", "KeyPairs": {"KeyPair": [{"KeyPairName",
/// "KeyPairFingerPrint", …}]}}`.
public struct DescribeKeyPairsHandler: ActionHandler {
    public let action = "DescribeKeyPairs"
    public let isMutating = false

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let region = try parameters.region(in: world)
        let namePattern = parameters.text("KeyPairName")
        let fingerPrint = parameters.text("KeyPairFingerPrint")
        let paging = try Paging(parameters, maxPageSize: 50)
        let matching = world.keyPairs.filter { keyPair in
            keyPair.regionId == region.regionId
                && namePattern.map { Wildcard.matches($0, keyPair.keyPairName) } ?? true
                && fingerPrint.map { keyPair.fingerPrint == $0 } ?? true
        }
        let page: [JSONValue] = paging.page(matching).map { keyPair in
            .object([
                "KeyPairName": .string(keyPair.keyPairName),
                "KeyPairFingerPrint": .string(keyPair.fingerPrint),
                "CreationTime": .string(""),
                "ResourceGroupId": .string(""),
                "Tags": .object(["Tag": .array([])]),
            ])
        }
        return paging.response(total: matching.count, list: "KeyPairs", item: "KeyPair", items: page)
    }
}
