import Testing

@testable import Shell

/// Lines no one would type still complete without a crash, and every candidate extends the word typed.
struct CompletionFuzzTests {
    static let pieces = [
        "reinit", "re", "disk ", "d-", "--", "--wait", "--keypair ", "'", "\"", "\\", "#", ";", " ", "use ", "region ",
        "set ", "password ", "${", "}", "é", "中", "wait disk ", "i-", "source ", "/", "~/", "call ", "=", "help ",
    ]

    @Test func oddLinesCompleteSafely() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let line = (0..<next(6)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let result = await harness.complete(line)
            #expect(line.hasSuffix(result.word), "\(line)")
            for candidate in result.candidates {
                #expect(candidate.hasPrefix(result.word), "\(line): \(candidate)")
            }
        }
    }
}
