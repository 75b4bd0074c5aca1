extension ECSClient {
    /// ReInitDisk: sends `request.parameters` as they are; returns the `RequestId`.
    ///
    /// Not retried by the request core (ReInitDisk is not idempotent): when the outcome is unknown the
    /// caller gets `RPCError.outcomeUnknown` and should look at the disk's status before trying again.
    /// Call `request.validate()` first to catch what the client can see by itself.
    public func reInitDisk(_ request: ReInitDiskRequest) async throws -> String {
        let answer = try await rpc.call("ReInitDisk", parameters: request.parameters)
        return try requestId(of: answer, action: "ReInitDisk")
    }
}
