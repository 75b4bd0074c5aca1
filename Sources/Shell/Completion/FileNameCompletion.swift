import Foundation

/// File names for `source FILE` and `--from-file PATH`: the entries of the directory typed so far, each
/// directory with a trailing `/` so that the next Tab goes into it.
enum FileNameCompletion {
    /// The paths that extend `partial`, sorted; hidden entries only when the name typed starts with a dot.
    static func candidates(for partial: String, homeDirectory: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let typedDirectory = slash.map { String(partial[...$0]) } ?? ""
        let namePrefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var directory = typedDirectory.isEmpty ? "./" : typedDirectory
        if directory.hasPrefix("~/") { directory = homeDirectory + "/" + directory.dropFirst(2) }
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: directory) else { return [] }
        return
            names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                _ = files.fileExists(atPath: directory + name, isDirectory: &isDirectory)
                return typedDirectory + name + (isDirectory.boolValue ? "/" : "")
            }
    }
}
