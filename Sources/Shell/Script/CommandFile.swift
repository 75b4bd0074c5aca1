import Foundation

/// Reads a command file (`-f FILE`, `source FILE`, ~/.ecshrc) into memory, with a one-line error when it
/// cannot be read.
enum CommandFile {
    /// - Parameter home: what a leading `~/` stands for (`source ~/setup.ecsh`, as in sh).
    static func read(_ given: String, home: String? = nil) throws(UsageError) -> String {
        var path = given
        if let home, given.hasPrefix("~/") { path = home + given.dropFirst() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError("cannot read \(given): no such file")
        }
        guard !isDirectory.boolValue else { throw UsageError("cannot read \(given): it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(given): permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("cannot read \(given): it is not UTF-8 text")
        }
        return text
    }
}
