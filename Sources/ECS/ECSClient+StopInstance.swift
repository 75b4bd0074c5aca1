extension ECSClient {
    /// StopInstance: stops a `Running` instance, powering it off at once with `force` (`ForceStop`);
    /// returns the `RequestId`. The instance is `Stopping` for a while: poll for `Stopped`.
    public func stopInstance(_ instanceId: String, force: Bool = false) async throws -> String {
        let answer = try await rpc.call(
            "StopInstance", parameters: ["InstanceId": instanceId, "ForceStop": force ? "true" : "false"])
        return try requestId(of: answer, action: "StopInstance")
    }
}
