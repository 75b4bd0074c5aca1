/// Every action the emulator answers; the front door dispatches on `action`.
public enum ActionHandlers {
    public static let all: [any ActionHandler] = [
        ReInitDiskHandler(),
        DescribeDisksHandler(),
        DescribeInstancesHandler(),
        StartInstanceHandler(),
        StopInstanceHandler(),
        DescribeRegionsHandler(),
        DescribeKeyPairsHandler(),
    ]
}
