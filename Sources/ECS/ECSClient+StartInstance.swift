extension ECSClient {
    /// StartInstance: starts a `Stopped` instance; returns the `RequestId`. The instance is `Starting`
    /// for a while: poll DescribeInstances for `Running`.
    public func startInstance(_ instanceId: String) async throws -> String {
        let answer = try await rpc.call("StartInstance", parameters: ["InstanceId": instanceId])
        return try requestId(of: answer, action: "StartInstance")
    }
}
