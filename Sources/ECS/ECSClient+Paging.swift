import AliyunCore

extension ECSClient {
    /// The items of every page of a paged Describe action, in the API's order.
    ///
    /// Pages are asked for by `PageNumber` with the largest `PageSize` the action allows, until
    /// `TotalCount` items have come, a page comes back short or empty (so a `TotalCount` that grows
    /// between pages cannot make it loop), or `maxPages` is reached.
    func allPages(
        _ action: String, parameters: [String: String], list: String, item: String, pageSize: Int,
        maxPages: Int = 1000
    ) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        for pageNumber in 1...maxPages {
            var page = parameters
            page["PageNumber"] = String(pageNumber)
            page["PageSize"] = String(pageSize)
            let answer = try await rpc.call(action, parameters: page)
            let fields = try FieldReader(answer, model: action)
            let pageItems = try fields.list(list, item: item)
            items += pageItems
            let total = try fields.optionalInteger("TotalCount")
            if pageItems.count < pageSize || total.map({ items.count >= $0 }) == true { break }
        }
        return items
    }

    /// The `RequestId` of an answer to an action that returns nothing else.
    func requestId(of answer: JSONValue, action: String) throws(ModelDecodingError) -> String {
        try FieldReader(answer, model: action).string("RequestId")
    }

    /// A list parameter as the API wants it: a JSON array of strings, `["d-1","d-2"]`.
    static func jsonArray(_ values: [String]) -> String {
        JSONValue.array(values.map(JSONValue.string)).serialized()
    }
}
