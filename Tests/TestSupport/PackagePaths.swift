public import Foundation

/// Files of this package that tests use, found from this source file's place in the repository.
public enum PackagePaths {
    /// The directory holding `Package.swift`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `share/ecsh/sandbox.json`, the default world.
    public static var sandboxWorld: String { root.appendingPathComponent("share/ecsh/sandbox.json").path }

    /// The `ecsh` program that is not there.
    public struct MissingProgram: Error, CustomStringConvertible {
        public var searched: [String]
        public var description: String {
            "the ecsh program is not built (looked for \(searched.joined(separator: " and "))): "
                + "run `swift build` before the tests, as `make test` does"
        }
    }

    /// The built `ecsh`: beside the running test program (so of the same build configuration), else
    /// `.build/debug/ecsh`. Throws, naming the places searched, when there is none.
    public static func ecshProgram() throws -> String {
        var candidates: [String] = []
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(
                URL(fileURLWithPath: running).deletingLastPathComponent().appendingPathComponent("ecsh").path)
        }
        candidates.append(root.appendingPathComponent(".build/debug/ecsh").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw MissingProgram(searched: candidates)
        }
        return found
    }
}
