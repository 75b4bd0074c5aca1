import AliyunCore
import ECS

/// `stop` and `start`: one call, then the instance's status, waited for with `--wait`.
struct InstanceTransition: Sendable {
    var instanceId: String
    /// What the instance becomes: `Stopped` or `Running`.
    var target: String
    var wait: Bool
    /// Seconds.
    var timeout: Int

    /// Makes the call (once: StopInstance and StartInstance are not retried after an unknown outcome
    /// either) and prints `InstanceId  Status  RequestId`.
    func run(in context: CommandContext, call: @Sendable (ECSClient) async throws -> String) async throws {
        let session = context.session
        let client = session.client
        let region = session.region
        let requestId = try await call(client)
        var status: String
        if wait {
            let pacing = context.shell.pacing
            let progress = ProgressLine(diskIds: [instanceId], console: context.console, pacing: pacing)
            defer { progress.end() }
            try await StatusWaiter(pacing: pacing, timeout: timeout, region: region).wait(
                forInstance: instanceId, toBe: target, client: client,
                progress: { status, _ in progress.record(.status(status), for: instanceId) })
            status = target
        } else {
            status = try await client.status(ofInstance: instanceId, region: region) ?? "-"
        }
        context.emitRows(
            [.object(["InstanceId": .string(instanceId), "Status": .string(status), "RequestId": .string(requestId)])],
            table: Table(columns: ["InstanceId", "Status", "RequestId"], rows: [[instanceId, status, requestId]]))
    }
}
