import ECS
import Foundation
import TestSupport
import Testing

struct ErrorCatalogueTests {
    /// The error table of ReInitDisk's API document (`seed/ReInitDisk.zh-CN.md`), in its order and spelling.
    static let seedCodes = [
        "InvalidDiskId.NotFound", "IncorrectDiskStatus", "IncorrectInstanceStatus", "InstanceLockedForSecurity",
        "InvalidSnapshot.TooOld", "OperationDenied", "InstanceExpiredOrInArrears", "DiskCreatingSnapshot",
        "InvalidSourceSnapshot", "InvalidImageId.NotFound", "SharedImageDeleted", "InvalidPassword.Malformed",
        "DiskCategory.OperationNotSupported", "InvalidKeyPairName.NotFound", "DependencyViolation.IoOptimize",
        "UserNotInTheWhiteList", "InvalidRegionId.MalFormed", "InvalidDiskId.OperationNotSupported",
    ]

    /// Codes a user meets around ReInitDisk: the gateway's and the neighbouring calls'.
    static let commonCodes = [
        "InvalidOperation.MultiAttachDisk", "InvalidRegionId.Malformed", "MissingParameter", "InvalidParameter",
        "InvalidRegionId.NotFound", "InvalidInstanceId.NotFound", "SignatureDoesNotMatch",
        "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "IncompleteSignature", "Forbidden.RAM",
        "InvalidTimeStamp.Expired", "SignatureNonceUsed", "Throttling", "ServiceUnavailable", "InternalError",
        "InvalidSecurityToken.Expired", "InvalidSecurityToken.Malformed", "InvalidSecurityToken.MismatchWithAccessKey",
    ]

    /// Where the API document is kept, beside the repository's checkout.
    static let seedPath = PackagePaths.root.deletingLastPathComponent()
        .appendingPathComponent("shared/seed/ReInitDisk.zh-CN.md").path

    /// The codes of the document's error table: the second cell of each row under `## 错误码`.
    static func codesOfTheSeed(_ text: String) -> [String] {
        guard let section = text.range(of: "## 错误码") else { return [] }
        return text[section.upperBound...].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 3, Int(cells[1]) != nil else { return nil }
            return cells[2]
        }
    }

    /// The list above is the document's table, when the document is at hand.
    @Test func theListIsTheSeedsTable() throws {
        guard FileManager.default.fileExists(atPath: Self.seedPath) else { return }
        let text = try String(contentsOfFile: Self.seedPath, encoding: .utf8)
        #expect(Self.codesOfTheSeed(text) == Self.seedCodes)
    }

    /// Every code the emulator answers with, read from its sources.
    static func emulatorCodes() throws -> [String] {
        let directory = PackagePaths.root.appendingPathComponent("Sources/ECSEmulator")
        let files =
            FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var codes: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /code: "([A-Za-z.]+)"/) { codes.insert(String(match.output.1)) }
        }
        return codes.sorted()
    }

    @Test func everyCodeIsExplainedInBothLanguages() throws {
        let emulator = try Self.emulatorCodes()
        #expect(emulator.count > 40)
        for code in Self.seedCodes + Self.commonCodes + emulator + ["MissingSecurityToken", "Throttling.User"] {
            for action in [nil, "ReInitDisk"] {
                let english = ErrorCatalogue.explanation(for: code, action: action, language: .en)
                let chinese = ErrorCatalogue.explanation(for: code, action: action, language: .zh)
                #expect(english != nil, "\(code) has no English explanation")
                #expect(chinese != nil, "\(code) has no Chinese explanation")
                guard let english, let chinese else { continue }
                for text in [english.meaning, english.hint] {
                    #expect(!text.isEmpty && Self.hanCount(text) == 0, "\(code): \(text)")
                }
                for text in [chinese.meaning, chinese.hint] {
                    #expect(Self.isChinese(text), "\(code): \(text)")
                }
                #expect(english.meaning.hasSuffix("."), "\(code): \(english.meaning)")
                #expect(chinese.meaning.hasSuffix("。"), "\(code): \(chinese.meaning)")
            }
        }
    }

    /// Codes are exact first, then the action's own, then by family.
    @Test func lookupOrder() throws {
        let reInit = try #require(
            ErrorCatalogue.explanation(for: "IncorrectInstanceStatus", action: "ReInitDisk", language: .en))
        let start = try #require(
            ErrorCatalogue.explanation(for: "IncorrectInstanceStatus", action: "StartInstance", language: .en))
        let stop = try #require(
            ErrorCatalogue.explanation(for: "IncorrectInstanceStatus", action: "StopInstance", language: .en))
        #expect(reInit != start && start != stop && reInit != stop)
        #expect(ErrorCatalogue.explanation(for: "IncorrectInstanceStatus", action: nil, language: .en) == reInit)
        #expect(reInit.hint.contains("`stop INSTANCE --wait`") && reInit.hint.contains("`reinit DISK --stop-first`"))

        let family = ErrorCatalogue.explanation(for: "InvalidSecurityToken.Whatever", action: nil, language: .en)
        #expect(family?.meaning.contains("STS") == true)
        #expect(ErrorCatalogue.explanation(for: "Throttling.Api", action: nil, language: .en) != nil)
        #expect(ErrorCatalogue.explanation(for: "NoSuchCode", action: "ReInitDisk", language: .en) == nil)
        #expect(ErrorCatalogue.explanation(for: "invaliddiskid.notfound", action: nil, language: .en) == nil)
    }

    @Test func hintsNameTheShellsCommands() throws {
        let cases = [
            ("InvalidDiskId.NotFound", "`disks`"), ("InvalidPassword.Malformed", "`set password`"),
            ("InvalidKeyPairName.NotFound", "`set keypair NAME`"), ("InvalidRegionId.NotFound", "`use region ID`"),
            ("IncorrectDiskStatus", "`wait disk ID In_use`"), ("SignatureDoesNotMatch", "`show session`"),
        ]
        for (code, command) in cases {
            let hint = try #require(ErrorCatalogue.explanation(for: code, action: nil, language: .en)).hint
            #expect(hint.contains(command), "\(code): \(hint)")
            let chinese = try #require(ErrorCatalogue.explanation(for: code, action: nil, language: .zh)).hint
            #expect(chinese.contains(command), "\(code): \(chinese)")
        }
    }

    @Test func codesListsTheExactOnes() {
        let codes = Set(ErrorCatalogue.codes)
        #expect(codes.isSuperset(of: Self.seedCodes))
        #expect(codes.contains("InvalidRegionId.NotFound"))
    }

    /// Han characters: CJK Unified Ideographs and Extension A.
    static func hanCount(_ text: String) -> Int {
        text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
            .count
    }

    /// Chinese, not English with a word or two: outside `code spans`, at least four Han characters and no
    /// fewer of them than Latin words (names such as In_use or AccessKey stay as they are).
    static func isChinese(_ text: String) -> Bool {
        let prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        let latinWords = prose.split { !($0.isASCII && $0.isLetter) }.count
        let han = hanCount(prose)
        return han >= 4 && han >= latinWords
    }
}
