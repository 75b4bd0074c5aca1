import Foundation

/// Finds `share/ecsh/sandbox.json`, the sandbox's world, next to the running program: in the source tree
/// (`.build/<triple>/<config>/ecsh`) and in an installed layout (`<prefix>/bin/ecsh`).
enum DefaultWorld {
    static let relativePath = "share/ecsh/sandbox.json"

    /// The world file's path, or `nil` when none is found.
    static func path(executable: String? = Self.executablePath()) -> String? {
        guard let executable else { return nil }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relativePath).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    private static func executablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }
}
