import AliyunCore
import ECS

/// `stop INSTANCE [--force] [--wait] [--timeout S]`: StopInstance, once.
struct StopCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "stop", synopsis: "stop INSTANCE [--force] [--wait] [--timeout SECONDS]",
        summary: "stop a Running instance (StopInstance), e.g. before reinit",
        discussion: """
            Prints the instance's status right after the call (Stopping), or Stopped with --wait.
            --force powers it off at once (ForceStop): like pulling the plug, unsaved data is lost.

            e.g. stop i-bp1running0000001 --wait
                 reinit d-bp1errrunning0001 --stop-first    stops it as part of the reinit
            """,
        arguments: .instanceIds,
        flags: [
            .option("--force", "power off at once (ForceStop=true) instead of shutting down"),
            .option("--wait", "wait until the instance is Stopped"),
            .value("--timeout", .text, "seconds to wait (default \(Pacing.defaultTimeout))"),
        ])

    let instanceId: String
    let force: Bool
    let transition: InstanceTransition

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, spec: Self.spec)
        try parsed.expectPositionals(1...1, usage: Self.spec)
        instanceId = parsed.positionals[0]
        force = parsed.has("--force")
        let timeout = try parsed.integer("--timeout", in: Pacing.timeoutRange, command: "stop") ?? Pacing.defaultTimeout
        transition = InstanceTransition(
            instanceId: instanceId, target: "Stopped", wait: parsed.has("--wait"), timeout: timeout)
    }

    func run(in context: CommandContext) async throws {
        try await transition.run(in: context) { [instanceId, force] client in
            try await client.stopInstance(instanceId, force: force)
        }
    }
}
