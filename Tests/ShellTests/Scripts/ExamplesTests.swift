import AliyunCore
import Foundation
import TestSupport
import Testing

/// Every script in share/examples runs against the sandbox as its comments say: the exit status it
/// declares (`# expect-exit: N`, else 0), JSON results on standard output, and never the password.
struct ExamplesTests {
    static let directory = PackagePaths.root.appendingPathComponent("share/examples").path
    static let password = "Demo-Pass1"

    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".ecsh") }.sorted()
    }

    @Test func thereAreExamples() {
        #expect(Self.scripts.count >= 5)
    }

    @Test(arguments: scripts)
    func runsAsDocumented(_ name: String) async throws {
        var harness = try ScriptHarness()
        defer { harness.home.remove() }
        harness.environment["ECSH_PASSWORD"] = Self.password
        let path = Self.directory + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected =
            text.split(separator: "\n").compactMap { line in
                line.hasPrefix("# expect-exit: ") ? Int32(line.dropFirst("# expect-exit: ".count)) : nil
            }.first ?? 0
        let result = await harness.run(["-f", path])
        #expect(result.status == expected, "\(result.errors)")
        #expect(!result.output.isEmpty)
        // Results are JSON lines; `echo` text is the only other thing a script prints.
        for line in result.output.split(separator: "\n") where line.hasPrefix("{") {
            _ = try JSONValue.parse(Data(line.utf8))
        }
        #expect(!result.output.contains(Self.password))
        #expect(!result.errors.contains(Self.password))
        if expected != 0 {
            #expect(result.errors.contains("\(path):"))
        }
    }
}
