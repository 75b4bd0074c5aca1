import Foundation
import TestSupport
import Testing

@testable import Shell

/// The manual page and the README name every command the shell has, so neither falls behind.
struct DocumentationTests {
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: PackagePaths.root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test(arguments: CommandTable.specs.map(\.name))
    func everyCommandIsDocumented(_ name: String) throws {
        // The COMMANDS section of the manual; roff escapes dashes (`on\-error`).
        let manual = try Self.text("share/man/man1/ecsh.1").replacing("\\-", with: "-")
        let start = try #require(manual.range(of: ".SH COMMANDS"))
        let end = try #require(manual.range(of: ".SH COMMAND LANGUAGE"))
        #expect(manual[start.upperBound..<end.lowerBound].contains(name), "ecsh.1 does not describe \(name)")
        #expect(try Self.text("README.md").contains("`\(name)"), "README.md does not mention \(name)")
    }
}
