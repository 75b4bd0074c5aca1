import AliyunCore
import Foundation
import Shell

// Thin by design: everything testable lives in the Shell library.
let transport = CurlTransport()
var tool = CommandLineTool(
    environment: ProcessInfo.processInfo.environment,
    homeDirectory: ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path,
    output: { FileHandle.standardOutput.write(Data($0.utf8)) },
    errorOutput: { FileHandle.standardError.write(Data($0.utf8)) },
    transport: transport)
tool.inputIsTerminal = isatty(0) == 1
tool.outputIsTerminal = isatty(1) == 1
tool.errorIsTerminal = isatty(2) == 1
tool.handlesProcessSignals = true
let status = await tool.run(Array(CommandLine.arguments.dropFirst()))
transport.shutdown()
exit(status)
