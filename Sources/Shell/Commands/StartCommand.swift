import AliyunCore
import ECS

/// `start INSTANCE [--wait] [--timeout S]`: StartInstance, once.
struct StartCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "start", synopsis: "start INSTANCE [--wait] [--timeout SECONDS]",
        summary: "start a Stopped instance (StartInstance)",
        discussion: """
            Prints the instance's status right after the call (Starting), or Running with --wait.

            e.g. start i-bp1sandboxweb0001 --wait
                 reinit d-bp1oksystem000001 --autostart    starts it as part of the reinit
            """,
        arguments: .instanceIds,
        flags: [
            .option("--wait", "wait until the instance is Running"),
            .value("--timeout", .text, "seconds to wait (default \(Pacing.defaultTimeout))"),
        ])

    let instanceId: String
    let transition: InstanceTransition

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, spec: Self.spec)
        try parsed.expectPositionals(1...1, usage: Self.spec)
        instanceId = parsed.positionals[0]
        let timeout =
            try parsed.integer("--timeout", in: Pacing.timeoutRange, command: "start") ?? Pacing.defaultTimeout
        transition = InstanceTransition(
            instanceId: instanceId, target: "Running", wait: parsed.has("--wait"), timeout: timeout)
    }

    func run(in context: CommandContext) async throws {
        try await transition.run(in: context) { [instanceId] client in
            try await client.startInstance(instanceId)
        }
    }
}
