import Foundation

/// A fresh directory under the system's temporary directory that stands in for `$HOME`, so that tests
/// never read or write the real `~`. Call `remove()` when done (e.g. in a `defer`).
public struct TemporaryHome: Sendable {
    public let path: String

    public init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `text` to `relativePath` (e.g. `.aliyun/config.json`) with POSIX mode `permissions`,
    /// creating directories; returns the full path.
    @discardableResult
    public func write(_ text: String, to relativePath: String, permissions: Int = 0o600) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
        return url.path
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
