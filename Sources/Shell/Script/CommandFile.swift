import Foundation

/// Reads a command file (`-f FILE`, `source FILE`, ~/.ecshrc) into memory, with a one-line error when it
/// cannot be read.
enum CommandFile {
    static func read(_ path: String) throws(UsageError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw UsageError("cannot read \(path): it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(path): permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("cannot read \(path): it is not UTF-8 text")
        }
        return text
    }
}
