import Testing

@testable import Shell

@Suite struct CompletionStepTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var result: CompletionResult
        var repeated: Bool
        var expected: CompletionStep
        var testDescription: String { "\(result.word) \(result.candidates) repeated: \(repeated)" }
    }

    static let cases: [Case] = [
        Case(result: .init(word: "rei", candidates: ["reinit"]), repeated: false, expected: .insert("nit ")),
        Case(
            result: .init(word: "rei", candidates: ["reinit"], appendSpace: false), repeated: false,
            expected: .insert("nit")),
        Case(result: .init(word: "reinit", candidates: ["reinit"]), repeated: false, expected: .insert(" ")),
        Case(
            result: .init(word: "reinit", candidates: ["reinit"], appendSpace: false), repeated: true,
            expected: .nothing),
        Case(result: .init(word: "d-", candidates: ["d-abc1", "d-abc2"]), repeated: false, expected: .insert("abc")),
        Case(result: .init(word: "d-abc", candidates: ["d-abc1", "d-abc2"]), repeated: false, expected: .beep),
        Case(
            result: .init(word: "d-abc", candidates: ["d-abc2", "d-abc1"]), repeated: true,
            expected: .list(["d-abc2", "d-abc1"])),
        Case(result: .init(word: "x", candidates: []), repeated: true, expected: .beep),
        Case(result: .init(word: "x", candidates: ["yes"]), repeated: false, expected: .beep),
        Case(result: .init(word: "", candidates: ["disk", "disks"]), repeated: false, expected: .insert("disk")),
        Case(result: .init(word: "s", candidates: ["stop", "stop"]), repeated: false, expected: .insert("top ")),
        Case(result: .init(word: "é", candidates: ["été", "étage"]), repeated: false, expected: .insert("t")),
    ]

    @Test(arguments: cases) func decides(_ example: Case) {
        #expect(CompletionStep.decide(example.result, repeated: example.repeated) == example.expected)
    }

    @Test func commonPrefixIsInWholeCharacters() {
        #expect(CompletionStep.longestCommonPrefix(["e\u{301}a", "e\u{301}b"]) == "e\u{301}")
        #expect(CompletionStep.longestCommonPrefix([]) == "")
        #expect(CompletionStep.longestCommonPrefix(["abc", "xyz"]) == "")
    }
}
