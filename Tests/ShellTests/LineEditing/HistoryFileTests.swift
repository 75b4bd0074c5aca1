import Foundation
import Testing

@testable import Shell

@Suite struct HistoryFileTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-history-\(UUID().uuidString)").path
    }

    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func savedFileHasTheHeaderAndMode0600() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = HistoryFile(path: path)
        #expect(history.load() == nil)  // missing is fine
        history.add("disks")
        try history.save()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        #expect(try Self.mode(path) == 0o600)
    }

    @Test func existingFileIsMadePrivate() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("_HiStOrY_V2_\nold\n".utf8), attributes: [.posixPermissions: 0o644])
        #expect(try Self.mode(path) == 0o644)
        let history = HistoryFile(path: path)
        #expect(history.load() == nil)
        #expect(history.entries() == ["old"])
        try history.save()
        #expect(try Self.mode(path) == 0o600)
    }

    @Test func roundTripOfTrickyText() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = [
            "use region cn-hangzhou", #"echo "two  spaces" 'single'"#, #"back\slash \\ and \n"#, "tab\there",
            "héllo 中文 🚀", "trailing space ", "#comment", "_HiStOrY_V2_",
        ]
        let history = HistoryFile(path: path)
        lines.forEach(history.add)
        try history.save()
        let reloaded = HistoryFile(path: path)
        #expect(reloaded.load() == nil)
        #expect(reloaded.entries() == lines)
        // Saving what was loaded gives the same file back.
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try reloaded.save()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
    }

    @Test func keepsTheNewestUpToTheLimit() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = HistoryFile(path: path)
        for number in 1...1_200 { history.add("echo \(number)") }
        #expect(history.entries().count == 1_000)
        #expect(history.entries().first == "echo 201")
        #expect(history.entries().last == "echo 1200")
        try history.save()
        let reloaded = HistoryFile(path: path)
        #expect(reloaded.load() == nil)
        #expect(reloaded.entries().count == 1_000)
        #expect(reloaded.entries().last == "echo 1200")
    }

    @Test func smallerLimit() {
        let history = HistoryFile(path: Self.temporaryPath(), limit: 3)
        ["a", "b", "c", "d"].forEach(history.add)
        #expect(history.entries() == ["b", "c", "d"])
    }

    @Test func collapsesAdjacentDuplicatesAndRefusesBlankOrSpaced() {
        let history = HistoryFile(path: Self.temporaryPath())
        ["disks", "disks", "", " set password secret", "regions", "disks", "disks"].forEach(history.add)
        #expect(history.entries() == ["disks", "regions", "disks"])
    }

    @Test(arguments: [
        Data("not a history file\nline\n".utf8), Data([0x00, 0xFF, 0xFE, 0x0A, 0x80]), Data(),
    ])
    func corruptFileGivesAWarning(contents: Data) throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: contents)
        let history = HistoryFile(path: path)
        let warning = history.load()
        #expect(warning?.contains(path) == true)
        #expect(history.entries().isEmpty)
        history.add("after")
        #expect(history.entries() == ["after"])
    }

    @Test func unreadableFileGivesAWarning() throws {
        guard getuid() != 0 else { return }  // root reads anything
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("_HiStOrY_V2_\nx\n".utf8), attributes: [.posixPermissions: 0o000])
        #expect(HistoryFile(path: path).load()?.contains("cannot read") == true)
    }

    @Test func saveToAMissingDirectoryThrows() {
        let history = HistoryFile(path: "/nonexistent-ecsh-dir/history")
        history.add("x")
        #expect(throws: HistoryFileError.self) { try history.save() }
    }
}
