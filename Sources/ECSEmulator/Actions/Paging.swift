import AliyunCore

/// `PageNumber` and `PageSize` of a Describe call, and the paged, wrapped response.
struct Paging {
    var pageNumber: Int
    var pageSize: Int

    /// `PageNumber` from 1 (default 1), `PageSize` from 1 to `maxPageSize` (default 10);
    /// `InvalidParameter` for anything else.
    init(_ parameters: RequestParameters, maxPageSize: Int) throws(APIError) {
        pageNumber = try parameters.integer("PageNumber", in: 1...Int.max) ?? 1
        pageSize = try parameters.integer("PageSize", in: 1...maxPageSize) ?? 10
    }

    /// The items of the requested page (none past the last page).
    func page<Item>(_ items: [Item]) -> ArraySlice<Item> {
        let (offset, overflow) = (pageNumber - 1).multipliedReportingOverflow(by: pageSize)
        guard !overflow, offset < items.count else { return [] }
        return items[offset..<min(offset + pageSize, items.count)]
    }

    /// `{"TotalCount", "PageNumber", "PageSize", "<List>": {"<Item>": [...]}}`, the list always wrapped.
    func response(total: Int, list: String, item: String, items: [JSONValue]) -> [String: JSONValue] {
        [
            "TotalCount": .integer(total),
            "PageNumber": .integer(pageNumber),
            "PageSize": .integer(pageSize),
            list: .object([item: .array(items)]),
        ]
    }
}
