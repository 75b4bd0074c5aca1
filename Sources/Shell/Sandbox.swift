import AliyunCore
import ECSEmulator

/// The embedded ECS: an emulator over the default world (or `--world`), reached through the in-process
/// transport with the world's first account, so a sandbox call is signed and verified like a cloud call.
struct Sandbox: Sendable {
    /// A loopback name: nothing leaves the process, and a password is allowed over it as over 127.0.0.1.
    static let endpoint = Endpoint(scheme: "http", host: "localhost")

    let emulator: Emulator
    let credentials: any CredentialProvider
    /// The world file it was loaded from.
    let worldPath: String

    init(worldPath: String?) throws {
        guard let path = worldPath ?? DefaultWorld.path() else {
            throw UsageError(
                "the sandbox needs its world file: \(DefaultWorld.relativePath) was not found next to ecsh; "
                    + "pass --world FILE")
        }
        let world = try World.load(contentsOf: path)
        guard let account = world.accounts.first else {
            throw UsageError("the world file \(path) has no account for the sandbox to use (add one to Accounts)")
        }
        emulator = Emulator(world: world)
        credentials = StaticCredentialProvider(
            accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret,
            securityToken: account.securityToken)
        self.worldPath = path
    }

    var transport: any HTTPTransport { EmulatorTransport(emulator: emulator) }
}
