import Testing

@testable import Shell

/// The loose split of the text before the cursor: finished words, and the word being typed.
struct CompletionLineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var words: [String]
        var partial: String
        var raw: String
        var testDescription: String { "\"\(line)\"" }
    }

    static let cases: [Case] = [
        Case(line: "", words: [], partial: "", raw: ""),
        Case(line: "rei", words: [], partial: "rei", raw: "rei"),
        Case(line: "reinit ", words: ["reinit"], partial: "", raw: ""),
        Case(line: "reinit  d-1   d-", words: ["reinit", "d-1"], partial: "d-", raw: "d-"),
        Case(line: "echo hi; use re", words: ["use"], partial: "re", raw: "re"),
        Case(line: "echo hi;use ", words: ["use"], partial: "", raw: ""),
        Case(line: "source 'my fi", words: ["source"], partial: "my fi", raw: "'my fi"),
        Case(line: "source \"a \\\"b", words: ["source"], partial: "a \"b", raw: "\"a \\\"b"),
        Case(line: "source my\\ fi", words: ["source"], partial: "my fi", raw: "my\\ fi"),
        Case(line: "echo 'a;b' x", words: ["echo", "a;b"], partial: "x", raw: "x"),
        Case(line: "set a\\", words: ["set"], partial: "a", raw: "a\\"),
    ]

    @Test(arguments: cases)
    func splitsTheLine(_ example: Case) {
        let line = CompletionLine(example.line)
        #expect(line.words == example.words)
        #expect(line.partial == example.partial)
        #expect(line.rawPartial == example.raw)
        #expect(!line.isComment)
    }

    @Test(arguments: ["# rei", "disks # --st", "echo a #"])
    func aCommentCompletesNothing(_ text: String) {
        #expect(CompletionLine(text).isComment)
    }

    struct Rendering: Sendable, CustomTestStringConvertible {
        var line: String
        var candidate: String
        var rendered: String
        var testDescription: String { "\"\(line)\" + \(candidate)" }
    }

    static let renderings: [Rendering] = [
        Rendering(line: "reinit d-bp1", candidate: "d-bp1oksystem000001", rendered: "d-bp1oksystem000001"),
        Rendering(line: "source my", candidate: "my file's", rendered: "my\\ file\\'s"),
        Rendering(line: "source 'my", candidate: "my file's", rendered: "'my file'\\''s'"),
        Rendering(line: "source \"my", candidate: "my \"$x\"", rendered: "\"my \\\"\\$x\\\"\""),
        Rendering(line: "source 'di", candidate: "dir/", rendered: "'dir/"),
        Rendering(line: "source ", candidate: "a b", rendered: "a\\ b"),
    ]

    /// What the editor appends to the word as typed reads back as the candidate.
    @Test(arguments: renderings)
    func rendersTheRestInTheWordsQuoting(_ example: Rendering) throws {
        let line = CompletionLine(example.line)
        let rendered = line.rendering(example.candidate)
        #expect(rendered == example.rendered)
        #expect(rendered.hasPrefix(line.rawPartial))
        if !example.candidate.hasSuffix("/") {
            #expect(try Tokenizer().commands(in: rendered) == [[example.candidate]])
        }
    }
}
