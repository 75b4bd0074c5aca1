import AliyunCore
import Testing

/// Runs `body` and expects a `ServiceError` with `code`.
func expectCode<Result>(
    _ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Result
) async throws {
    do {
        _ = try await body()
        Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
    } catch let error as ServiceError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.requestId != nil, sourceLocation: sourceLocation)
    }
}
